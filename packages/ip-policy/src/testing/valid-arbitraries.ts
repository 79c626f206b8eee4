import fc from 'fast-check';
import { intToIpv4 } from '../ipv4/ipv4-int.js';
import { parseCidrRange } from '../ipv4/parse-cidr.js';

function rangeOf(cidr: string): { start: number; end: number } {
  const range = parseCidrRange(cidr, 'cidr', { allowBareAddress: true });
  if (range.isErr()) throw new TypeError(`ipv4InCidr: ${range.error.message}`);
  return range.value;
}

/** Any IPv4 address inside `cidr` (a canonical block such as `10.0.0.0/24`, or a bare address). */
export function ipv4InCidr(cidr: string): fc.Arbitrary<string> {
  const { start, end } = rangeOf(cidr);
  return fc.integer({ min: start, max: end }).map(intToIpv4);
}

/** Blocks where interesting addresses live: private ranges and the targets of the shipped release tables. */
const SPECIAL_BLOCKS = [
  '10.0.0.0/8',
  '172.0.0.0/8',
  '192.168.0.0/16',
  '168.0.0.0/16',
  '127.0.0.0/16',
  '169.254.0.0/16',
  '100.64.0.0/16',
  '198.18.0.0/15',
] as const;

/**
 * Any valid IPv4 address in canonical four-part decimal form, biased towards private ranges and release
 * targets (half of the values) so that every rule of the shipped tables is exercised.
 */
export function ipv4(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: 0, max: 0xffffffff }).map(intToIpv4),
    fc.oneof(...SPECIAL_BLOCKS.map(ipv4InCidr)),
    fc.constantFrom('0.0.0.0', '255.255.255.255', '10.0.0.0', '172.255.255.255', '192.168.0.0'),
  );
}

export interface CidrConstraints {
  /** Shortest prefix (largest block). Default 8. */
  readonly minPrefix?: number;
  /** Longest prefix (smallest block). Default 32. */
  readonly maxPrefix?: number;
}

/** A canonical IPv4 CIDR block (host bits clear), e.g. `10.20.0.0/16`. */
export function cidr(constraints: CidrConstraints = {}): fc.Arbitrary<string> {
  const minPrefix = constraints.minPrefix ?? 8;
  const maxPrefix = constraints.maxPrefix ?? 32;
  return fc
    .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: minPrefix, max: maxPrefix }))
    .map(([address, prefix]) => {
      const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
      return `${intToIpv4((address & mask) >>> 0)}/${prefix}`;
    });
}

export interface PoolListConstraints extends CidrConstraints {
  readonly minPools?: number;
  readonly maxPools?: number;
  /** Keep every pool inside this block (e.g. `10.0.0.0/16`) so that pools sit close together. */
  readonly within?: string;
}

/**
 * A list of non-overlapping pools in random order, as accepted by `parsePoolList`. Defaults: 1-3 pools,
 * prefixes /24 to /28, within 10.0.0.0/16.
 */
export function poolList(constraints: PoolListConstraints = {}): fc.Arbitrary<readonly string[]> {
  const minPrefix = constraints.minPrefix ?? 24;
  const maxPrefix = constraints.maxPrefix ?? 28;
  const within = rangeOf(constraints.within ?? '10.0.0.0/16');
  const block = fc
    .tuple(fc.integer({ min: within.start, max: within.end }), fc.integer({ min: minPrefix, max: maxPrefix }))
    .map(([address, prefix]) => {
      const mask = (0xffffffff << (32 - prefix)) >>> 0;
      const start = (address & mask) >>> 0;
      return { start, end: start + 2 ** (32 - prefix) - 1, text: `${intToIpv4(start)}/${prefix}` };
    });
  return fc
    .array(block, { minLength: constraints.minPools ?? 1, maxLength: constraints.maxPools ?? 3 })
    .map((blocks) => {
      const kept: { start: number; end: number; text: string }[] = [];
      for (const candidate of blocks) {
        if (kept.every((other) => candidate.end < other.start || candidate.start > other.end))
          kept.push(candidate);
      }
      return kept.map((entry) => entry.text);
    })
    .filter((pools) => pools.length >= (constraints.minPools ?? 1));
}

/** Any address inside one of `pools`. */
export function ipv4InPools(pools: readonly string[]): fc.Arbitrary<string> {
  if (pools.length === 0) throw new TypeError('ipv4InPools: at least one pool is needed');
  return fc.oneof(...pools.map(ipv4InCidr));
}

export interface TakenSetConstraints {
  readonly maxSize?: number;
}

/** A set of taken IPs drawn from `pools` (or from any address when `pools` is omitted). */
export function takenSet(
  pools?: readonly string[],
  constraints: TakenSetConstraints = {},
): fc.Arbitrary<ReadonlySet<string>> {
  const member = pools === undefined ? ipv4() : ipv4InPools(pools);
  return fc.uniqueArray(member, { maxLength: constraints.maxSize ?? 64 }).map((ips) => new Set(ips));
}
