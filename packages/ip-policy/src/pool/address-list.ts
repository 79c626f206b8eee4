import { err, ok, type Result } from 'neverthrow';
import { type IpPolicyError, invalidArgument, overlappingPools } from '../errors.js';
import { MAX_ADDRESS_INPUT_LENGTH, MAX_LIST_ENTRIES } from '../ipv4/limits.js';
import { type CidrRange, parseCidrRange } from '../ipv4/parse-cidr.js';

/** A list of CIDR blocks or bare addresses: an array of strings, or one string separated by commas/whitespace. */
export type AddressListInput = string | readonly string[];

/** Shortest prefix accepted for a pool: larger blocks are not customer LANs and would make scans unbounded. */
export const MIN_POOL_PREFIX = 8;

const MAX_LIST_TEXT_LENGTH = MAX_LIST_ENTRIES * (MAX_ADDRESS_INPUT_LENGTH + 1);

function toEntries(value: unknown, field: string): Result<readonly unknown[], IpPolicyError> {
  if (typeof value === 'string') {
    if (value.length > MAX_LIST_TEXT_LENGTH) return err(invalidArgument(field, 'a shorter list', value));
    return ok(value.split(/[\s,]+/).filter((entry) => entry.length > 0));
  }
  if (!Array.isArray(value)) {
    return err(invalidArgument(field, 'an array of CIDR strings or one comma-separated string', value));
  }
  if (value.length > MAX_LIST_ENTRIES) {
    return err(invalidArgument(field, `at most ${MAX_LIST_ENTRIES} entries`, value));
  }
  return ok(value);
}

function parseEntries(
  value: unknown,
  field: string,
  minPrefix: number,
): Result<readonly CidrRange[], IpPolicyError> {
  const entries = toEntries(value, field);
  if (entries.isErr()) return err(entries.error);
  const ranges: CidrRange[] = [];
  for (const [index, entry] of entries.value.entries()) {
    const range = parseCidrRange(entry, `${field}[${index}]`, { allowBareAddress: true, minPrefix });
    if (range.isErr()) return err(range.error);
    ranges.push(range.value);
  }
  return ok(ranges);
}

/** Parses pools: at least one block, each /8 or smaller, no two overlapping, in the caller's order. */
export function parsePoolRanges(value: unknown, field: string): Result<readonly CidrRange[], IpPolicyError> {
  const ranges = parseEntries(value, field, MIN_POOL_PREFIX);
  if (ranges.isErr()) return err(ranges.error);
  if (ranges.value.length === 0) return err(invalidArgument(field, 'at least one pool', value));
  const sorted = [...ranges.value].sort((a, b) => a.start - b.start);
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1]!;
    const current = sorted[index]!;
    if (current.start <= previous.end) return err(overlappingPools(field, previous.cidr, current.cidr));
  }
  return ok(ranges.value);
}

/** Parses exclusions (blocks or single addresses, overlaps allowed) into sorted, merged ranges. */
export function parseExclusionRanges(
  value: unknown,
  field: string,
): Result<{ readonly blocks: readonly CidrRange[]; readonly merged: readonly CidrRange[] }, IpPolicyError> {
  if (value === undefined) return ok({ blocks: [], merged: [] });
  const ranges = parseEntries(value, field, 0);
  if (ranges.isErr()) return err(ranges.error);
  const sorted = [...ranges.value].sort((a, b) => a.start - b.start);
  const merged: CidrRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end + 1) {
      if (range.end > last.end) merged[merged.length - 1] = { ...last, end: range.end };
    } else {
      merged.push(range);
    }
  }
  return ok({ blocks: ranges.value, merged });
}

/** Index of the first merged range whose end is at or after `address` (binary search). */
export function firstRangeEndingAtOrAfter(ranges: readonly CidrRange[], address: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle]!.end < address) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The addresses of a pool that may be assigned: all but network and broadcast, except /31 and /32 (RFC 3021). */
export function usableBounds(pool: CidrRange): { readonly low: number; readonly high: number } {
  return pool.prefix <= 30
    ? { low: pool.start + 1, high: pool.end - 1 }
    : { low: pool.start, high: pool.end };
}
