import { setTimeout as sleep } from "node:timers/promises";

/**
 * Runs `work` and answers no sooner than `minimumMs` after starting, so the
 * branch taken (an account exists or not) does not show in the response time.
 * Both branches also do the same expensive work (hashing); this evens out
 * the few milliseconds their database writes differ by.
 */
export async function withEvenTiming<T>(minimumMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = minimumMs - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}

export const EVEN_TIMING_MS = 400;
