// What a process keeps alive right now, for leak checks: timers and sockets
// from process.getActiveResourcesInfo(), listeners on `process` and on the
// AbortSignal a test passes to every call. Shared by the polling bench
// (bench/polling/) and the fault server (reliability/faults/).
import { getEventListeners } from 'node:events';

/** Socket-like handles in process.getActiveResourcesInfo(). */
const SOCKET_KINDS = new Set(['TCPSocketWrap', 'TLSWrap', 'ConnectWrap', 'PipeConnectWrap']);

/** Listeners on `process` itself, all events together. */
export function processListenerCount() {
  return process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0);
}

/**
 * @param {AbortSignal} signal
 * @returns {{ timers: number, sockets: number, signalListeners: number, processListeners: number, kinds: Record<string, number> }}
 */
export function liveResources(signal) {
  /** @type {Record<string, number>} */
  const kinds = {};
  for (const kind of process.getActiveResourcesInfo()) kinds[kind] = (kinds[kind] ?? 0) + 1;
  let sockets = 0;
  for (const [kind, n] of Object.entries(kinds)) if (SOCKET_KINDS.has(kind)) sockets += n;
  return {
    timers: kinds.Timeout ?? 0,
    sockets,
    signalListeners: getEventListeners(signal, 'abort').length,
    processListeners: processListenerCount(),
    kinds,
  };
}
