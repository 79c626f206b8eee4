import type { RatePair } from '@isp/contracts';
import { parseBits } from './bits.js';

/** `upload/download` in plain bits, the form RouterOS prints (`10000000/20000000`). */
export function formatRatePair(rate: RatePair): string {
  return `${rate.uploadBps}/${rate.downloadBps}`;
}

/**
 * Normalises a rate pair as printed or written (`10M/20M`, `10000000/20000000`, a single `10M` meaning both
 * directions, or a full PPP `rate-limit` whose first token is the pair) to plain bits `U/D`. Unparsable input
 * is returned trimmed, so that it compares unequal to any valid pair.
 */
export function normaliseRatePair(value: string): string {
  const first = value.trim().split(/\s+/)[0] ?? '';
  const parts = first.split('/');
  if (parts.length > 2 || first === '') return value.trim();
  const up = parseBits(parts[0] ?? '');
  const down = parts.length === 2 ? parseBits(parts[1] ?? '') : up;
  if (up === null || down === null) return value.trim();
  return `${up}/${down}`;
}

/** Parses a rate pair to bits; `null` when unparsable. */
export function parseRatePair(value: string): RatePair | null {
  const normal = normaliseRatePair(value);
  const match = /^(\d+)\/(\d+)$/.exec(normal);
  if (match === null) return null;
  return { uploadBps: Number(match[1]), downloadBps: Number(match[2]) };
}
