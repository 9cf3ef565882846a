/**
 * Time as the connectors see it. Injected so rate-limit waits and backoff can be tested
 * without really waiting, and so a test server can share the same notion of "now".
 */
export type Clock = {
  now(): number;
  sleep(ms: number): Promise<void>;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
