/** Longest text read as a duration (`4w6d23h59m59s999ms` is 17 characters). */
const MAX_DURATION_LENGTH = 64;

const UNIT_SECONDS: Readonly<Record<string, number>> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/**
 * Parses a RouterOS duration to seconds: `1d2h3m`, `30s`, `1w2d`, `01:02:03`, `1d00:00:00`, `1d 02:00:00`,
 * `500ms` (rounded down). `null` when unparsable.
 */
export function parseDuration(value: string): number | null {
  let rest = value.trim();
  // No RouterOS duration is this long; the clock pattern below is quadratic on long digit runs.
  if (rest === '' || rest.length > MAX_DURATION_LENGTH) return null;
  let total = 0;
  const clock = /(\d+):(\d{2}):(\d{2})$/.exec(rest);
  if (clock !== null) {
    total += Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
    rest = rest.slice(0, clock.index).trim();
  }
  const unitPattern = /^(\d+)(ms|w|d|h|m|s)/;
  while (rest !== '') {
    const match = unitPattern.exec(rest);
    if (match === null) return null;
    const amount = Number(match[1]);
    total += match[2] === 'ms' ? Math.floor(amount / 1000) : amount * (UNIT_SECONDS[match[2] ?? 's'] ?? 1);
    rest = rest.slice(match[0].length).trim();
  }
  return total;
}

/** Normalises a duration to whole seconds as text; unparsable text is kept. */
export function normaliseDuration(value: string): string {
  const seconds = parseDuration(value);
  return seconds === null ? value.trim() : String(seconds);
}
