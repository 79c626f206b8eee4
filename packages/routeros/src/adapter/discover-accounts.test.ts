import { describe, expect, it } from 'vitest';
import { resolvePlanningConfig } from '../plan/planning-config.js';
import type { Row, Snapshot } from '../plan/snapshot.js';
import { discoverAccounts } from './discover-accounts.js';

describe('discoverAccounts', () => {
  it('reads a technician queue, PCQ entry, secret and Hotspot user as candidate accounts', () => {
    const snapshot: Snapshot = {
      menus: new Map<string, Row[]>([
        [
          '/queue/simple',
          [{ '.id': '*1', name: 'maria', target: '10.0.0.5/32', 'max-limit': '5M/10M', disabled: 'false' }],
        ],
        [
          '/ip/firewall/address-list',
          [
            { '.id': '*2', list: 'plan-10', address: '10.0.0.6', disabled: 'false' },
            { '.id': '*3', list: 'morosos', address: '10.0.0.7', disabled: 'false' },
            { '.id': '*4', list: 'plan-10', address: '10.0.0.8', dynamic: 'true' },
            { '.id': '*5', list: 'plan-10', address: '10.0.0.9', comment: 'isp:s-9:plan' },
          ],
        ],
        [
          '/ppp/secret',
          [
            {
              '.id': '*6',
              name: 'joao',
              password: 'Tech-Secret',
              profile: '10M',
              'remote-address': '10.0.0.10',
              disabled: 'true',
            },
          ],
        ],
        ['/ppp/profile', [{ '.id': '*7', name: '10M', 'rate-limit': '5M/10M' }]],
        [
          '/ip/hotspot/user',
          [{ '.id': '*8', name: 'ana', password: 'x', profile: 'default', address: '0.0.0.0' }],
        ],
      ]),
    };
    const accounts = discoverAccounts('r1', snapshot, resolvePlanningConfig());
    expect(accounts).toEqual([
      {
        routerId: 'r1',
        disabled: false,
        method: 'simple-queue',
        key: 'maria',
        ipv4: '10.0.0.5',
        rate: { uploadBps: 5_000_000, downloadBps: 10_000_000 },
      },
      {
        routerId: 'r1',
        disabled: false,
        method: 'pcq-address-list',
        key: 'plan-10 10.0.0.6',
        ipv4: '10.0.0.6',
        profile: 'plan-10',
      },
      {
        routerId: 'r1',
        disabled: true,
        method: 'pppoe',
        key: 'joao',
        username: 'joao',
        ipv4: '10.0.0.10',
        profile: '10M',
        rate: { uploadBps: 5_000_000, downloadBps: 10_000_000 },
      },
      { routerId: 'r1', disabled: false, method: 'hotspot', key: 'ana', username: 'ana', profile: 'default' },
    ]);
    expect(JSON.stringify(accounts)).not.toContain('Tech-Secret');
  });
});
