const SUFFIX: Record<string, number> = { '': 1, k: 1_000, K: 1_000, M: 1_000_000, G: 1_000_000_000 };

/** Parses a rate such as `10M`, `512k`, `1.5M` or `2000000` into bits per second. */
export function parseRate(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([kKMG]?)$/.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]) * SUFFIX[match[2]!]!;
  if (!Number.isFinite(value) || value > 4_294_967_295 * 1000) return undefined;
  return Math.round(value);
}

/** Parses `U/D` (or a single value, applied to both directions) into a pair of bit rates. */
export function parseRatePair(text: string): readonly [number, number] | undefined {
  const parts = text.split('/');
  if (parts.length > 2) return undefined;
  const first = parseRate(parts[0]!);
  const second = parts.length === 2 ? parseRate(parts[1]!) : first;
  if (first === undefined || second === undefined) return undefined;
  return [first, second];
}

const RATE_TOKEN = /^\d+(\.\d+)?[kKMG]?(\/\d+(\.\d+)?[kKMG]?)?$/;
const TIME_TOKEN = /^\d+[smhdw]?(\/\d+[smhdw]?)?$/;
const PRIORITY_TOKEN = /^[1-8]$/;

/**
 * Validates a PPP / HotSpot `rate-limit`:
 * `rx[/tx] [rx-burst[/tx-burst] [rx-thr[/tx-thr] [rx-time[/tx-time] [priority] [rx-min[/tx-min]]]]]`.
 */
export function isRateLimit(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length === 0 || tokens.length > 6 || tokens[0] === '') return false;
  return tokens.every((token, index) => {
    if (index === 3) return TIME_TOKEN.test(token);
    if (index === 4) return PRIORITY_TOKEN.test(token);
    return RATE_TOKEN.test(token);
  });
}

/** The first rx/tx pair of a rate-limit, in bits (rx = client upload, tx = client download). */
export function rateLimitPair(text: string): readonly [number, number] | undefined {
  const first = text.trim().split(/\s+/)[0];
  return first === undefined ? undefined : parseRatePair(first);
}
