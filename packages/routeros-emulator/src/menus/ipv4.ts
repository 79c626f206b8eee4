/** Parses a dotted IPv4 address into a 32-bit unsigned integer. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

/** Parses `a.b.c.d` or `a.b.c.d/len`; the network address is masked. */
export function parsePrefix(text: string): { readonly network: number; readonly length: number } | undefined {
  const slash = text.indexOf('/');
  const address = parseIpv4(slash < 0 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  let length = 32;
  if (slash >= 0) {
    const lengthText = text.slice(slash + 1);
    if (!/^\d{1,2}$/.test(lengthText)) return undefined;
    length = Number(lengthText);
    if (length > 32) return undefined;
  }
  const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return { network: (address & mask) >>> 0, length };
}
