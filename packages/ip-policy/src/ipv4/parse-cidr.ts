import ipaddr from 'ipaddr.js';
import { err, ok, type Result } from 'neverthrow';
import { type InvalidCidr, type InvalidCidrReason, invalidCidr } from '../errors.js';
import { fieldLabel } from './field-label.js';
import { blockSize, intToIpv4, prefixMask } from './ipv4-int.js';
import { MAX_ADDRESS_INPUT_LENGTH } from './limits.js';
import { parseIpv4Int } from './parse-ipv4.js';

/** A validated IPv4 CIDR block. */
export interface Cidr {
  /** Canonical text, e.g. `10.0.0.0/24`. */
  readonly cidr: string;
  readonly prefix: number;
  /** First address of the block (the network address). */
  readonly first: string;
  /** Last address of the block (the broadcast address for prefixes up to /30). */
  readonly last: string;
  /** Number of addresses in the block, network and broadcast included. */
  readonly size: number;
}

/** Internal form of a block: inclusive integer bounds. */
export interface CidrRange {
  readonly cidr: string;
  readonly prefix: number;
  readonly start: number;
  readonly end: number;
}

export interface ParseCidrOptions {
  /** Accept a bare address as a /32 block (lists of exclusions and pools do). Default `false`. */
  readonly allowBareAddress?: boolean;
  /** Smallest prefix length accepted (larger blocks are rejected). Default 0. */
  readonly minPrefix?: number;
}

function rejectionReason(text: string): InvalidCidrReason {
  if (ipaddr.IPv6.isValidCIDR(text) || ipaddr.IPv6.isValid(text)) return 'ipv6';
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return 'missing-prefix';
  if (ipaddr.IPv4.isValidCIDR(text)) return 'non-canonical';
  return 'malformed';
}

/** Parses a CIDR block to integer bounds. Internal building block. */
export function parseCidrRange(
  value: unknown,
  field: string,
  options: ParseCidrOptions = {},
): Result<CidrRange, InvalidCidr> {
  if (typeof value !== 'string') return err(invalidCidr(field, value, 'not-a-string'));
  if (value.length === 0) return err(invalidCidr(field, value, 'empty'));
  if (value.length > MAX_ADDRESS_INPUT_LENGTH) return err(invalidCidr(field, value, 'too-long'));
  let start: number;
  let prefix: number;
  try {
    if (options.allowBareAddress === true && ipaddr.IPv4.isValidFourPartDecimal(value)) {
      const address = parseIpv4Int(value, field);
      if (address.isErr()) return err(invalidCidr(field, value, 'malformed'));
      start = address.value;
      prefix = 32;
    } else {
      if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(value)) {
        return err(invalidCidr(field, value, rejectionReason(value)));
      }
      const [address, length] = ipaddr.IPv4.parseCIDR(value);
      if (`${address.toString()}/${length}` !== value) return err(invalidCidr(field, value, 'non-canonical'));
      const [a = 0, b = 0, c = 0, d = 0] = address.toByteArray();
      start = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
      prefix = length;
    }
  } catch {
    return err(invalidCidr(field, value, 'malformed'));
  }
  const mask = prefixMask(prefix);
  if ((start & mask) >>> 0 !== start) {
    return err(
      invalidCidr(
        field,
        value,
        'host-bits-set',
        `did you mean ${intToIpv4((start & mask) >>> 0)}/${prefix}?`,
      ),
    );
  }
  const minPrefix = options.minPrefix ?? 0;
  if (prefix < minPrefix) {
    return err(
      invalidCidr(field, value, 'prefix-too-short', `the shortest prefix accepted is /${minPrefix}`),
    );
  }
  return ok({ cidr: `${intToIpv4(start)}/${prefix}`, prefix, start, end: start + blockSize(prefix) - 1 });
}

/** The public view of an internal range. */
export function toCidr(range: CidrRange): Cidr {
  return {
    cidr: range.cidr,
    prefix: range.prefix,
    first: intToIpv4(range.start),
    last: intToIpv4(range.end),
    size: range.end - range.start + 1,
  };
}

/**
 * Validates an IPv4 CIDR block such as `10.0.0.0/24`. The address must be the network address (host bits
 * clear) in four-part decimal form; `10.0.0.1/24`, `010.0.0.0/8`, `10.0.0.0/08` and IPv6 are rejected.
 */
export function parseCidr(value: unknown, field = 'cidr'): Result<Cidr, InvalidCidr> {
  return parseCidrRange(value, fieldLabel(field, 'cidr')).map(toCidr);
}
