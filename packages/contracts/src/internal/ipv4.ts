/** Parses a canonical dotted-decimal IPv4 address to an unsigned integer, or -1. */
export function ipv4ToInt(value: unknown): number {
  if (typeof value !== 'string' || value.length < 7 || value.length > 15) return -1;
  const parts = value.split('.');
  if (parts.length !== 4) return -1;
  let out = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return -1;
    const n = Number(part);
    if (n > 255) return -1;
    out = out * 256 + n;
  }
  return out;
}

export function intToIpv4(n: number): string {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

export interface Cidr {
  readonly network: number;
  readonly prefix: number;
  readonly size: number;
}

export function parseCidr(value: unknown): Cidr | undefined {
  if (typeof value !== 'string') return undefined;
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const ip = ipv4ToInt(value.slice(0, slash));
  const prefixText = value.slice(slash + 1);
  if (ip < 0 || !/^(0|[1-9][0-9]?)$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  if (ip % size !== 0) return undefined;
  return { network: ip, prefix, size };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  return ip >= cidr.network && ip < cidr.network + cidr.size;
}

const MAC = /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/;
export const isMacAddress = (value: unknown): value is string => typeof value === 'string' && MAC.test(value);
