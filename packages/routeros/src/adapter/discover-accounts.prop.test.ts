import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePlanningConfig } from '../plan/planning-config.js';
import type { Row, Snapshot } from '../plan/snapshot.js';
import { hostileRowArbitrary } from '../testing/arbitraries.js';
import { discoverAccounts } from './discover-accounts.js';

const MENUS = [
  '/queue/simple',
  '/ip/firewall/address-list',
  '/ppp/secret',
  '/ip/hotspot/user',
  '/ppp/profile',
];

describe('discoverAccounts', () => {
  it('lists unmarked accounts only, with string keys, whatever the router prints', () => {
    const config = resolvePlanningConfig();
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...MENUS), fc.array(hostileRowArbitrary(), { maxLength: 6 })),
        (menus) => {
          const snapshot: Snapshot = { menus: new Map(Object.entries(menus) as [string, Row[]][]) };
          const accounts = discoverAccounts('r1', snapshot, config);
          for (const account of accounts) {
            expect(typeof account.key).toBe('string');
            expect(account.routerId).toBe('r1');
            expect(
              account.comment?.startsWith('isp:') === true && /^isp:.+:[a-z]+$/.test(account.comment ?? ''),
            ).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
