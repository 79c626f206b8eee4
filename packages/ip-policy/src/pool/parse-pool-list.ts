import type { Result } from 'neverthrow';
import type { IpPolicyError } from '../errors.js';
import { fieldLabel } from '../ipv4/field-label.js';
import { type Cidr, toCidr } from '../ipv4/parse-cidr.js';
import { type AddressListInput, parsePoolRanges } from './address-list.js';

/**
 * Parses and normalises a list of pools (the customer LAN ranges): an array such as
 * `['10.0.0.0/24', '10.0.1.0/24']` or one string `'10.0.0.0/24, 10.0.1.0/24'`. A bare address is a /32 pool.
 * Each entry must be a canonical network address (host bits clear) with a prefix of /8 or longer; pools may
 * not overlap; the order is kept (allocation tries pools in this order).
 */
export function parsePoolList(
  value: AddressListInput,
  field = 'pools',
): Result<readonly Cidr[], IpPolicyError> {
  return parsePoolRanges(value, fieldLabel(field, 'pools')).map((ranges) => ranges.map(toCidr));
}
