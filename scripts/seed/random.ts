/** A small seeded generator, so every fresh demo database tells the same story. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (probability: number) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    /** A value on a line from `from` to `to` over progress 0..1, with noise, clamped to 0..10. */
    trend: (from: number, to: number, progress: number, noise = 1.2) =>
      Math.max(0, Math.min(10, Math.round(from + (to - from) * progress + (next() - 0.5) * 2 * noise))),
  };
}
