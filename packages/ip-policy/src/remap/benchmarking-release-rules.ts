import type { ReleaseRuleTable } from './types.js';

/**
 * A safer release policy: every address moves into 198.18.0.0/16, and into 198.19.0.0/16 when that is taken,
 * keeping its last two octets. Both halves of 198.18.0.0/15 are reserved for network benchmarking
 * (RFC 2544, RFC 6890): never routed on the public Internet and, unlike 100.64.0.0/10 (the CGNAT shared
 * space many WISPs use for real customers) or 10/8, 172.16/12 and 192.168/16, not used for customer LANs.
 * A released address should lead nowhere, and this block does exactly that.
 */
export const BENCHMARKING_RELEASE_RULES: ReleaseRuleTable = Object.freeze({
  name: 'benchmarking',
  rules: Object.freeze([
    Object.freeze({
      id: 'benchmarking-198-18',
      name: 'any → 198.18.x.x',
      match: '0.0.0.0/0',
      target: '198.18.0.0/16',
    }),
  ]),
  fallbacks: Object.freeze([
    Object.freeze({ id: 'benchmarking-198-19', name: 'target taken → 198.19.x.x', target: '198.19.0.0/16' }),
  ]),
});
