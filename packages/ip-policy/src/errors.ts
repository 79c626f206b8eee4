/**
 * The one error union of `@isp/ip-policy`. Every public function returns a neverthrow `Result` whose error
 * side is an `IpPolicyError`: a plain, readonly, JSON-serialisable object tagged by `type`.
 */

/** Why a value was rejected as an IPv4 address. */
export type InvalidIpReason =
  | 'not-a-string'
  | 'empty'
  | 'too-long'
  | 'ipv6'
  | 'not-four-part-decimal'
  | 'malformed';

/** Why a value was rejected as an IPv4 CIDR block. */
export type InvalidCidrReason =
  | 'not-a-string'
  | 'empty'
  | 'too-long'
  | 'ipv6'
  | 'missing-prefix'
  | 'non-canonical'
  | 'host-bits-set'
  | 'prefix-too-short'
  | 'malformed';

/** Why a release rule table was rejected. */
export type InvalidRuleTableReason =
  | 'not-an-object'
  | 'invalid-name'
  | 'invalid-id'
  | 'duplicate-id'
  | 'invalid-cidr'
  | 'target-not-16'
  | 'empty-rules'
  | 'too-many-entries';

/** Why one release target was not used. */
export type ReleaseAttemptReason = 'taken' | 'same-as-original';

/** One target the release remap tried and could not use. */
export interface ReleaseAttempt {
  readonly ruleId: string;
  readonly target: string;
  readonly reason: ReleaseAttemptReason;
}

export interface InvalidIp {
  readonly type: 'InvalidIp';
  readonly field: string;
  /** A printable preview of the offending value: JSON-quoted and truncated for strings, `<type>` otherwise. */
  readonly value: string;
  readonly reason: InvalidIpReason;
  readonly message: string;
}

export interface InvalidCidr {
  readonly type: 'InvalidCidr';
  readonly field: string;
  readonly value: string;
  readonly reason: InvalidCidrReason;
  readonly message: string;
}

export interface InvalidRuleTable {
  readonly type: 'InvalidRuleTable';
  /** Path of the offending entry, e.g. `rules[2].target`. */
  readonly field: string;
  readonly reason: InvalidRuleTableReason;
  readonly message: string;
}

export interface InvalidArgument {
  readonly type: 'InvalidArgument';
  readonly field: string;
  readonly message: string;
}

export interface OverlappingPools {
  readonly type: 'OverlappingPools';
  readonly field: string;
  readonly first: string;
  readonly second: string;
  readonly message: string;
}

export interface NoMatchingRule {
  readonly type: 'NoMatchingRule';
  readonly field: 'ip';
  readonly ip: string;
  readonly table: string;
  readonly message: string;
}

/** Every release target is taken (or equals the original): the operator must choose an IP by hand. */
export interface ReleaseTargetsTaken {
  readonly type: 'ReleaseTargetsTaken';
  readonly field: 'ip';
  readonly original: string;
  readonly matchedRuleId: string;
  readonly tried: readonly ReleaseAttempt[];
  readonly requiresManualIp: true;
  readonly message: string;
}

/** The caller's `taken` set or predicate threw or answered something other than a boolean. */
export interface TakenCheckFailed {
  readonly type: 'TakenCheckFailed';
  readonly field: 'taken';
  readonly ip: string;
  readonly message: string;
}

export interface PoolExhausted {
  readonly type: 'PoolExhausted';
  readonly field: 'pools';
  readonly pools: readonly string[];
  /** Usable addresses in the pools once network/broadcast and exclusions are removed. */
  readonly capacity: number;
  readonly message: string;
}

export type IpPolicyError =
  | InvalidIp
  | InvalidCidr
  | InvalidRuleTable
  | InvalidArgument
  | OverlappingPools
  | NoMatchingRule
  | ReleaseTargetsTaken
  | TakenCheckFailed
  | PoolExhausted;

/** Longest string shown back in an error's `value` preview. */
export const PREVIEW_LENGTH = 40;

/** A printable, bounded preview of any value, safe for logs (no control characters, no huge strings). */
export function previewValue(value: unknown): string {
  if (typeof value === 'string') {
    const clipped = value.length > PREVIEW_LENGTH ? `${value.slice(0, PREVIEW_LENGTH)}…` : value;
    return JSON.stringify(clipped);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return '<array>';
  if (typeof value === 'number' || typeof value === 'boolean') return `<${typeof value} ${String(value)}>`;
  return `<${typeof value}>`;
}

const ipReasonText: Record<InvalidIpReason, string> = {
  'not-a-string': 'is not a string',
  empty: 'is empty',
  'too-long': 'is too long to be an IPv4 address',
  ipv6: 'is an IPv6 address; only IPv4 is supported',
  'not-four-part-decimal':
    'is not in four-part decimal form (leading zeros, octal, hexadecimal and short forms are rejected as ambiguous)',
  malformed: 'is not a valid IPv4 address (four decimal octets 0-255 separated by dots)',
};

const cidrReasonText: Record<InvalidCidrReason, string> = {
  'not-a-string': 'is not a string',
  empty: 'is empty',
  'too-long': 'is too long to be an IPv4 CIDR block',
  ipv6: 'is an IPv6 block; only IPv4 is supported',
  'missing-prefix': 'has no /prefix',
  'non-canonical': 'is not in canonical form (four-part decimal address, prefix without leading zeros)',
  'host-bits-set': 'has host bits set; write the network address',
  'prefix-too-short': 'is too large for a pool',
  malformed: 'is not a valid IPv4 CIDR block (a.b.c.d/n with n from 0 to 32)',
};

export const invalidIp = (field: string, value: unknown, reason: InvalidIpReason): InvalidIp => {
  const preview = previewValue(value);
  return {
    type: 'InvalidIp',
    field,
    value: preview,
    reason,
    message: `${field}: ${preview} ${ipReasonText[reason]}.`,
  };
};

export const invalidCidr = (
  field: string,
  value: unknown,
  reason: InvalidCidrReason,
  hint?: string,
): InvalidCidr => {
  const preview = previewValue(value);
  return {
    type: 'InvalidCidr',
    field,
    value: preview,
    reason,
    message: `${field}: ${preview} ${cidrReasonText[reason]}${hint === undefined ? '' : ` (${hint})`}.`,
  };
};

export const invalidRuleTable = (
  field: string,
  reason: InvalidRuleTableReason,
  detail: string,
): InvalidRuleTable => ({
  type: 'InvalidRuleTable',
  field,
  reason,
  message: `Invalid release rule table at ${field}: ${detail}`,
});

export const invalidArgument = (field: string, expected: string, value: unknown): InvalidArgument => ({
  type: 'InvalidArgument',
  field,
  message: `${field}: expected ${expected}, got ${previewValue(value)}.`,
});

export const overlappingPools = (field: string, first: string, second: string): OverlappingPools => ({
  type: 'OverlappingPools',
  field,
  first,
  second,
  message: `${field}: pools ${first} and ${second} overlap; list each address range once.`,
});

export const noMatchingRule = (ip: string, table: string): NoMatchingRule => ({
  type: 'NoMatchingRule',
  field: 'ip',
  ip,
  table,
  message: `No rule of release table "${table}" matches ${ip}; assign the released IP manually or add a catch-all rule (0.0.0.0/0).`,
});

export const releaseTargetsTaken = (
  original: string,
  matchedRuleId: string,
  tried: readonly ReleaseAttempt[],
): ReleaseTargetsTaken => ({
  type: 'ReleaseTargetsTaken',
  field: 'ip',
  original,
  matchedRuleId,
  tried,
  requiresManualIp: true,
  message: `Cannot release ${original} automatically: ${tried
    .map(
      (attempt) =>
        `${attempt.target} (${attempt.ruleId}) is ${attempt.reason === 'taken' ? 'taken' : 'the original IP'}`,
    )
    .join(', ')}. Assign the released IP manually.`,
});

export const takenCheckFailed = (ip: string, problem: string): TakenCheckFailed => ({
  type: 'TakenCheckFailed',
  field: 'taken',
  ip,
  message: `Could not tell whether ${ip} is taken: the taken set or predicate ${problem}.`,
});

export const poolExhausted = (pools: readonly string[], capacity: number): PoolExhausted => ({
  type: 'PoolExhausted',
  field: 'pools',
  pools,
  capacity,
  message: `No free IP left in ${pools.join(', ')} (${capacity} usable addresses, all taken).`,
});
