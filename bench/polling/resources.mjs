// What a process keeps alive, counted the way the polling figures report it
// (the counting itself: tools/lib/live-resources.mjs).
import { liveResources as live, processListenerCount } from '../../tools/lib/live-resources.mjs';

export { processListenerCount };

/**
 * Timers, sockets and listeners alive now. `signal` is the AbortSignal the
 * driver passes to every wait; `processListenersBefore` the count of process
 * listeners before the waits, so only added ones count.
 *
 * @param {{ signal: AbortSignal, processListenersBefore: number }} of
 */
export function liveResources({ signal, processListenersBefore }) {
  const now = live(signal);
  const processListeners = now.processListeners - processListenersBefore;
  return {
    timers: now.timers,
    sockets: now.sockets,
    listeners: now.signalListeners + processListeners,
    signalListeners: now.signalListeners,
    processListeners,
    kinds: now.kinds,
  };
}
