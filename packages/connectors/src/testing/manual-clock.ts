import type { Clock } from "../util/clock";

export type ManualClock = Clock & {
  /** Every sleep requested, in ms, in order. */
  readonly sleeps: number[];
  advance(ms: number): void;
};

/**
 * A clock that only moves when told to: `sleep` advances it instantly, so code that waits for
 * a rate-limit reset runs without waiting, and a fake server sharing `now` sees the time pass.
 */
export function createManualClock(startMs: number = Date.now()): ManualClock {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += Math.max(0, ms);
    },
  };
}
