const BITS_PATTERN = /^(\d+(?:\.\d+)?)([kKmMgG]?)$/;
const MULTIPLIER: Readonly<Record<string, number>> = {
  '': 1,
  k: 1e3,
  K: 1e3,
  m: 1e6,
  M: 1e6,
  g: 1e9,
  G: 1e9,
};

/** Parses a RouterOS rate (`10M`, `512k`, `10000000`) to bits per second; `null` when unparsable. */
export function parseBits(value: string): number | null {
  const match = BITS_PATTERN.exec(value.trim());
  if (match === null) return null;
  const bits = Number(match[1]) * (MULTIPLIER[match[2] ?? ''] ?? 1);
  return Number.isFinite(bits) ? Math.round(bits) : null;
}

/** Formats bits per second the short way RouterOS users read them (`10M`, `512k`, `1500`). */
export function formatBits(bits: number): string {
  if (bits >= 1e9 && bits % 1e9 === 0) return `${bits / 1e9}G`;
  if (bits >= 1e6 && bits % 1e6 === 0) return `${bits / 1e6}M`;
  if (bits >= 1e3 && bits % 1e3 === 0) return `${bits / 1e3}k`;
  return String(bits);
}
