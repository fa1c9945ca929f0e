// What a process keeps alive, counted the way the polling figures report it.
import { getEventListeners } from 'node:events';

/** Socket-like handles in process.getActiveResourcesInfo(). */
const SOCKET_KINDS = new Set(['TCPSocketWrap', 'TLSWrap', 'ConnectWrap', 'PipeConnectWrap']);

/** Listeners on `process` itself, all events together. */
export function processListenerCount() {
  return process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0);
}

/**
 * Timers, sockets and listeners alive now. `signal` is the AbortSignal the
 * driver passes to every wait; `processListenersBefore` the count of process
 * listeners before the waits, so only added ones count.
 *
 * @param {{ signal: AbortSignal, processListenersBefore: number }} of
 */
export function liveResources({ signal, processListenersBefore }) {
  /** @type {Record<string, number>} */
  const kinds = {};
  for (const kind of process.getActiveResourcesInfo()) kinds[kind] = (kinds[kind] ?? 0) + 1;
  let sockets = 0;
  for (const [kind, n] of Object.entries(kinds)) if (SOCKET_KINDS.has(kind)) sockets += n;
  const signalListeners = getEventListeners(signal, 'abort').length;
  const processListeners = processListenerCount() - processListenersBefore;
  return {
    timers: kinds.Timeout ?? 0,
    sockets,
    listeners: signalListeners + processListeners,
    signalListeners,
    processListeners,
    kinds,
  };
}
