import { err, ok, type Result } from 'neverthrow';
import { type IpPolicyError, invalidArgument, poolExhausted } from '../errors.js';
import { intToIpv4 } from '../ipv4/ipv4-int.js';
import { type Cidr, type CidrRange, toCidr } from '../ipv4/parse-cidr.js';
import { parseIpv4Int } from '../ipv4/parse-ipv4.js';
import { type TakenCheck, type TakenIps, toTakenCheck } from '../taken/taken.js';
import {
  type AddressListInput,
  firstRangeEndingAtOrAfter,
  parseExclusionRanges,
  parsePoolRanges,
  usableBounds,
} from './address-list.js';

/** Where an address stands with respect to the pools, before looking at what is taken. */
export type AddressStatus = 'usable' | 'outside-pools' | 'network-or-broadcast' | 'excluded';

/** What happened to the preferred address of an allocation. */
export type PreferenceOutcome = 'none' | 'used' | 'taken' | Exclude<AddressStatus, 'usable'>;

export interface IpAllocation {
  readonly ip: string;
  /** The pool the address comes from (canonical CIDR). */
  readonly pool: string;
  /** `used` when the preferred address was returned; otherwise why it was not (or `none`). */
  readonly preference: PreferenceOutcome;
}

export interface AllocateOptions {
  /** IPs assigned to other services. */
  readonly taken: TakenIps;
  /** An address to return when it is usable and free, e.g. the customer's previous IP. */
  readonly prefer?: string | null | undefined;
}

export interface IpAllocatorConfig {
  /** The pools, in the order they are tried. See {@link parsePoolList}. */
  readonly pools: AddressListInput;
  /** Addresses never handed out (gateways, servers): single IPs or CIDR blocks. */
  readonly exclusions?: AddressListInput | undefined;
}

/** Pools and exclusions parsed once, for many allocations. */
export interface IpAllocator {
  readonly pools: readonly Cidr[];
  readonly exclusions: readonly Cidr[];
  /** Usable addresses: pool addresses minus network/broadcast and exclusions. */
  readonly capacity: number;
  /** Whether `ip` lies inside one of the pools (network and broadcast addresses included). */
  contains(ip: string): Result<boolean, IpPolicyError>;
  /** Where `ip` stands: usable, outside the pools, a network/broadcast address or excluded. */
  classify(ip: string): Result<AddressStatus, IpPolicyError>;
  /** The preferred address if usable and free, else the lowest free address (pools in order). */
  allocate(options: AllocateOptions): Result<IpAllocation, IpPolicyError>;
}

function overlap(lowA: number, highA: number, lowB: number, highB: number): number {
  const low = Math.max(lowA, lowB);
  const high = Math.min(highA, highB);
  return high >= low ? high - low + 1 : 0;
}

function computeCapacity(pools: readonly CidrRange[], excluded: readonly CidrRange[]): number {
  let capacity = 0;
  for (const pool of pools) {
    const { low, high } = usableBounds(pool);
    capacity += high - low + 1;
    for (const range of excluded) capacity -= overlap(low, high, range.start, range.end);
  }
  return capacity;
}

function lowestFree(
  pools: readonly CidrRange[],
  excluded: readonly CidrRange[],
  isTaken: TakenCheck,
): Result<{ ip: string; pool: string } | undefined, IpPolicyError> {
  for (const pool of pools) {
    const { low, high } = usableBounds(pool);
    let next = firstRangeEndingAtOrAfter(excluded, low);
    for (let address = low; address <= high; address++) {
      const exclusion = excluded[next];
      if (exclusion !== undefined && exclusion.start <= address) {
        // Jump past the whole excluded range; the loop increment lands on the first address after it.
        address = exclusion.end;
        next++;
        continue;
      }
      const ip = intToIpv4(address);
      const taken = isTaken(ip);
      if (taken === false) return ok({ ip, pool: pool.cidr });
      if (taken !== true) return err(taken);
    }
  }
  return ok(undefined);
}

function buildAllocator(
  pools: readonly CidrRange[],
  blocks: readonly CidrRange[],
  excluded: readonly CidrRange[],
): IpAllocator {
  const poolList = Object.freeze(pools.map(toCidr));
  const poolNames = Object.freeze(pools.map((pool) => pool.cidr));
  const capacity = computeCapacity(pools, excluded);

  const findPool = (address: number): CidrRange | undefined =>
    pools.find((pool) => pool.start <= address && address <= pool.end);

  type Placement =
    | { readonly status: 'usable'; readonly pool: CidrRange }
    | { readonly status: Exclude<AddressStatus, 'usable'> };

  const statusOf = (address: number): Placement => {
    const pool = findPool(address);
    if (pool === undefined) return { status: 'outside-pools' };
    const { low, high } = usableBounds(pool);
    if (address < low || address > high) return { status: 'network-or-broadcast' };
    const exclusion = excluded[firstRangeEndingAtOrAfter(excluded, address)];
    if (exclusion !== undefined && exclusion.start <= address) return { status: 'excluded' };
    return { status: 'usable', pool };
  };

  return Object.freeze({
    pools: poolList,
    exclusions: Object.freeze(blocks.map(toCidr)),
    capacity,
    contains(ip: string): Result<boolean, IpPolicyError> {
      return parseIpv4Int(ip, 'ip').map((address) => findPool(address) !== undefined);
    },
    classify(ip: string): Result<AddressStatus, IpPolicyError> {
      return parseIpv4Int(ip, 'ip').map((address) => statusOf(address).status);
    },
    allocate(options: AllocateOptions): Result<IpAllocation, IpPolicyError> {
      if (typeof options !== 'object' || options === null) {
        return err(invalidArgument('options', 'an object with `taken` (and optionally `prefer`)', options));
      }
      const isTaken = toTakenCheck(options.taken);
      if (isTaken.isErr()) return err(isTaken.error);
      let preference: PreferenceOutcome = 'none';
      if (options.prefer !== undefined && options.prefer !== null) {
        const preferred = parseIpv4Int(options.prefer, 'prefer');
        if (preferred.isErr()) return err(preferred.error);
        const placement = statusOf(preferred.value);
        if (placement.status === 'usable') {
          const taken = isTaken.value(options.prefer);
          if (taken === false)
            return ok({ ip: options.prefer, pool: placement.pool.cidr, preference: 'used' });
          if (taken !== true) return err(taken);
          preference = 'taken';
        } else {
          preference = placement.status;
        }
      }
      const found = lowestFree(pools, excluded, isTaken.value);
      if (found.isErr()) return err(found.error);
      if (found.value === undefined) return err(poolExhausted(poolNames, capacity));
      return ok({ ...found.value, preference });
    },
  });
}

/**
 * Parses pools and exclusions once and returns an allocator for new and reactivated services.
 * Network and broadcast addresses of pools up to /30 are never handed out; /31 and /32 pools use every
 * address (RFC 3021 point-to-point semantics).
 */
export function createIpAllocator(config: IpAllocatorConfig): Result<IpAllocator, IpPolicyError> {
  if (typeof config !== 'object' || config === null) {
    return err(invalidArgument('config', 'an object with `pools` (and optionally `exclusions`)', config));
  }
  const pools = parsePoolRanges(config.pools, 'pools');
  if (pools.isErr()) return err(pools.error);
  const exclusions = parseExclusionRanges(config.exclusions, 'exclusions');
  if (exclusions.isErr()) return err(exclusions.error);
  return ok(buildAllocator(pools.value, exclusions.value.blocks, exclusions.value.merged));
}
