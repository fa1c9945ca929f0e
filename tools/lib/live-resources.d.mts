export declare function processListenerCount(): number;
export declare function liveResources(signal: AbortSignal): {
  timers: number;
  sockets: number;
  signalListeners: number;
  processListeners: number;
  kinds: Record<string, number>;
};
