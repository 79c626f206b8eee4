const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/**
 * Parses a RouterOS duration: `1w2d3h4m5s`, `hh:mm:ss`, `1d02:03:04`, `500ms` or a bare number of seconds.
 * Returns seconds (fractions allowed) or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const clock = /^(?:(\d+)w)?(?:(\d+)d)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(value);
  if (clock) {
    const [, w, d, h, m, s, frac] = clock;
    return (
      Number(w ?? 0) * 604800 +
      Number(d ?? 0) * 86400 +
      Number(h) * 3600 +
      Number(m) * 60 +
      Number(s) +
      (frac ? Number(`0.${frac}`) : 0)
    );
  }
  const units = /(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const match of value.matchAll(units)) {
    if (match.index !== consumed) return undefined;
    consumed += match[0].length;
    const amount = Number(match[1]);
    total += match[2] === 'ms' ? amount / 1000 : amount * UNIT_SECONDS[match[2]!]!;
  }
  return consumed === value.length && consumed > 0 ? total : undefined;
}

/** RouterOS 7 style: `1w2d3h4m5s`, `0s` for zero. */
export function formatDurationV7(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  if (rest === 0) return '0s';
  let out = '';
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    const amount = Math.floor(rest / size);
    if (amount > 0) {
      out += `${amount}${unit}`;
      rest -= amount * size;
    }
  }
  return out;
}

/** RouterOS 6 style: `1w2d03:04:05`, `00:00:00` for zero. */
export function formatDurationV6(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const weeks = Math.floor(rest / 604800);
  rest -= weeks * 604800;
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
  return `${weeks > 0 ? `${weeks}w` : ''}${days > 0 ? `${days}d` : ''}${clock}`;
}
