export type {
  InvalidArgument,
  InvalidCidr,
  InvalidCidrReason,
  InvalidIp,
  InvalidIpReason,
  InvalidRuleTable,
  InvalidRuleTableReason,
  IpPolicyError,
  NoMatchingRule,
  OverlappingPools,
  PoolExhausted,
  ReleaseAttempt,
  ReleaseAttemptReason,
  ReleaseTargetsTaken,
  TakenCheckFailed,
} from './errors.js';
export * from './ipv4/index.js';
export * from './pool/index.js';
export * from './remap/index.js';
export * from './taken/index.js';
