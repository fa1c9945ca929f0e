// What the process keeps alive around each fault case (tools/lib/live-resources.mjs),
// and what a case left behind.
import { liveResources } from '../../tools/lib/live-resources.mjs';

export interface Resources {
  timers: number;
  sockets: number;
  listeners: number;
}

export function countResources(signal: AbortSignal): Resources {
  const { timers, sockets, signalListeners, processListeners } = liveResources(signal);
  return { timers, sockets, listeners: processListeners + signalListeners };
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
