/**
 * The server's sense of time. Everything that stamps or compares times on the server (ingest, pipeline, feed
 * health, simulator) reads one clock, so tests drive time by hand and a faster-than-real-time simulation moves
 * the whole pipeline with it.
 */
export interface Clock {
  /** Current time, epoch ms. */
  now(): number;
  /**
   * Calls `callback` every `intervalMs` of real time; returns a function that stops it. A manual clock never
   * calls it (tests tick by hand).
   */
  every(intervalMs: number, callback: () => void): () => void;
}

function everyRealInterval(intervalMs: number, callback: () => void): () => void {
  const timer = setInterval(callback, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The machine's clock. */
export function createSystemClock(): Clock {
  return { now: () => Date.now(), every: everyRealInterval };
}

/**
 * A clock that runs `speed` times faster than real time from `startAt`: now = startAt + speed * elapsed real ms.
 * Timers still fire on real time.
 */
export function createScaledClock(speed: number, startAt: number = Date.now()): Clock {
  const realStart = performance.now();
  return {
    now: () => Math.floor(startAt + speed * (performance.now() - realStart)),
    every: everyRealInterval,
  };
}

/** A clock that only moves when told to; its timers never fire. */
export interface ManualClock extends Clock {
  /** Sets the current time, epoch ms. */
  set(at: number): void;
}

/** A clock for tests and benchmarks: time is whatever was last {@link ManualClock.set}. */
export function createManualClock(startAt: number): ManualClock {
  let current = startAt;
  return {
    now: () => current,
    set: (at) => {
      current = at;
    },
    every: () => () => undefined,
  };
}
