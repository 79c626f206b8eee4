import type { ReleaseRuleTable } from './types.js';

/**
 * The WispHub "release IP" rule (requirement W6), exactly as the WispHub document states it:
 * `10.x.x.x → 127.0.x.x`, `192.168.x.x → 169.254.x.x`, `172.x.x.x → 168.0.x.x` (the whole 172.0.0.0/8, not
 * only the private 172.16.0.0/12), any other → `168.0.x.x`, and `100.64.x.x` when the target is taken.
 *
 * Caution: 168.0.0.0/16 is routable public address space that belongs to someone else, 127.0.0.0/8 is
 * loopback and 169.254.0.0/16 is link-local. See {@link BENCHMARKING_RELEASE_RULES} for a safer policy.
 */
export const WISPHUB_RELEASE_RULES: ReleaseRuleTable = Object.freeze({
  name: 'wisphub',
  rules: Object.freeze([
    Object.freeze({
      id: 'wisphub-10',
      name: '10.x.x.x → 127.0.x.x',
      match: '10.0.0.0/8',
      target: '127.0.0.0/16',
    }),
    Object.freeze({
      id: 'wisphub-192-168',
      name: '192.168.x.x → 169.254.x.x',
      match: '192.168.0.0/16',
      target: '169.254.0.0/16',
    }),
    Object.freeze({
      id: 'wisphub-172',
      name: '172.x.x.x → 168.0.x.x',
      match: '172.0.0.0/8',
      target: '168.0.0.0/16',
    }),
    Object.freeze({
      id: 'wisphub-other',
      name: 'any other → 168.0.x.x',
      match: '0.0.0.0/0',
      target: '168.0.0.0/16',
    }),
  ]),
  fallbacks: Object.freeze([
    Object.freeze({ id: 'wisphub-100-64', name: 'target taken → 100.64.x.x', target: '100.64.0.0/16' }),
  ]),
});
