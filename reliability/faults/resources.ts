// What the process keeps alive, counted as bench/polling/resources.mjs does:
// timers and sockets from process.getActiveResourcesInfo(), listeners on
// `process` and on the caller's AbortSignal every case passes.
import { getEventListeners } from 'node:events';

const SOCKET_KINDS = new Set(['TCPSocketWrap', 'TLSWrap', 'ConnectWrap', 'PipeConnectWrap']);

export interface Resources {
  timers: number;
  sockets: number;
  listeners: number;
}

function processListeners(): number {
  return process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0);
}

export function countResources(signal: AbortSignal): Resources {
  let timers = 0;
  let sockets = 0;
  for (const kind of process.getActiveResourcesInfo()) {
    if (kind === 'Timeout') timers += 1;
    else if (SOCKET_KINDS.has(kind)) sockets += 1;
  }
  return {
    timers,
    sockets,
    listeners: processListeners() + getEventListeners(signal, 'abort').length,
  };
}

/** What `after` holds beyond `before` (never negative). */
export function leaked(before: Resources, after: Resources): Resources {
  return {
    timers: Math.max(0, after.timers - before.timers),
    sockets: Math.max(0, after.sockets - before.sockets),
    listeners: Math.max(0, after.listeners - before.listeners),
  };
}

export const none = (r: Resources) => r.timers === 0 && r.sockets === 0 && r.listeners === 0;
