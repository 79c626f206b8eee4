/** A small seeded generator (mulberry32): the same seed gives the same fixtures on every machine. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** `count` distinct indexes below `size`, in random order. */
export function sampleIndexes(random: Random, size: number, count: number): number[] {
  const picked = new Set<number>();
  const out: number[] = [];
  const wanted = Math.min(count, size);
  while (out.length < wanted) {
    const index = Math.floor(random() * size);
    if (picked.has(index)) continue;
    picked.add(index);
    out.push(index);
  }
  return out;
}
