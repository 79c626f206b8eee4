import ipaddr from 'ipaddr.js';
import { err, ok, type Result } from 'neverthrow';
import { type InvalidIp, type InvalidIpReason, invalidIp } from '../errors.js';
import { fieldLabel } from './field-label.js';
import { MAX_ADDRESS_INPUT_LENGTH } from './limits.js';

function rejectionReason(text: string): InvalidIpReason {
  if (ipaddr.IPv6.isValid(text)) return 'ipv6';
  if (ipaddr.IPv4.isValid(text)) return 'not-four-part-decimal';
  return 'malformed';
}

/**
 * Parses an IPv4 address to an unsigned 32-bit integer. Accepts only the canonical four-part decimal form
 * (`10.0.0.1`); leading zeros (`010.0.0.1`, ambiguous octal), hexadecimal, short forms (`1.2.3`), surrounding
 * whitespace, IPv6 and non-strings are rejected. Internal building block of every public function.
 */
export function parseIpv4Int(value: unknown, field: string): Result<number, InvalidIp> {
  if (typeof value !== 'string') return err(invalidIp(field, value, 'not-a-string'));
  if (value.length === 0) return err(invalidIp(field, value, 'empty'));
  if (value.length > MAX_ADDRESS_INPUT_LENGTH) return err(invalidIp(field, value, 'too-long'));
  try {
    if (!ipaddr.IPv4.isValidFourPartDecimal(value))
      return err(invalidIp(field, value, rejectionReason(value)));
    const [a = 0, b = 0, c = 0, d = 0] = ipaddr.IPv4.parse(value).toByteArray();
    return ok(((a << 24) | (b << 16) | (c << 8) | d) >>> 0);
  } catch {
    return err(invalidIp(field, value, 'malformed'));
  }
}

/**
 * Validates an IPv4 address and returns it in canonical dotted-decimal form.
 *
 * @param field names the input in the error (`'ip'` by default).
 */
export function parseIpv4(value: unknown, field = 'ip'): Result<string, InvalidIp> {
  return parseIpv4Int(value, fieldLabel(field, 'ip')).map(() => value as string);
}
