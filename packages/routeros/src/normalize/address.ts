/**
 * Normalises an address, a prefix or a comma list of them for comparison: a host prefix `/32` is dropped
 * (RouterOS prints `10.0.0.42/32` for a queue target and `10.0.0.42` for an address-list entry).
 */
export function normaliseAddress(value: string): string {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => (part.endsWith('/32') ? part.slice(0, -3) : part))
    .join(',');
}

/** A single host as a queue target (`10.0.0.42/32`). */
export function hostTarget(ipv4: string): string {
  return `${ipv4}/32`;
}
