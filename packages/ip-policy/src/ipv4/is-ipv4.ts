import { parseIpv4Int } from './parse-ipv4.js';

/** `true` when `value` is a canonical four-part decimal IPv4 address string (see `parseIpv4`). */
export function isIpv4(value: unknown): boolean {
  return parseIpv4Int(value, 'ip').isOk();
}
