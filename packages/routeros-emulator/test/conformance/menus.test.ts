import type { RouterOSAPI } from 'routeros-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../src/index';
import { closeRos, connectRos } from '../helpers/ros-client';

let emulator: Emulator;
let api: RouterOSAPI;

beforeAll(async () => {
  emulator = await startEmulator({ rosVersion: '7.18' });
  api = await connectRos(emulator);
});
afterAll(async () => {
  await closeRos(api);
  await emulator.close();
});

interface Case {
  readonly menu: string;
  readonly add: Record<string, string>;
  readonly printed: Record<string, string>;
  readonly set: Record<string, string>;
  readonly afterSet: Record<string, string>;
  readonly setup?: () => Promise<void>;
}

const words = (attributes: Record<string, string>): string[] =>
  Object.entries(attributes).map(([key, value]) => `=${key}=${value}`);

const cases: Case[] = [
  {
    menu: '/queue/type',
    add: { name: 'plan-down', kind: 'pcq', 'pcq-rate': '20M', 'pcq-classifier': 'dst-address' },
    printed: {
      name: 'plan-down',
      kind: 'pcq',
      'pcq-rate': '20000000',
      'pcq-limit': '50',
      'pcq-total-limit': '2000',
    },
    set: { 'pcq-rate': '30M' },
    afterSet: { 'pcq-rate': '30000000' },
  },
  {
    menu: '/queue/simple',
    add: { name: 'sub-1', target: '10.0.0.42', 'max-limit': '10M/20M', comment: 'isp:1:queue' },
    printed: {
      name: 'sub-1',
      target: '10.0.0.42/32',
      'max-limit': '10000000/20000000',
      'limit-at': '0/0',
      'burst-time': '0s/0s',
      priority: '8/8',
      queue: 'default-small/default-small',
      parent: 'none',
      disabled: 'false',
      dynamic: 'false',
      comment: 'isp:1:queue',
    },
    set: { 'max-limit': '5M/5M', disabled: 'yes' },
    afterSet: { 'max-limit': '5000000/5000000', disabled: 'true' },
  },
  {
    menu: '/queue/tree',
    add: {
      name: 'plan-down',
      parent: 'global',
      'packet-mark': 'plan-down',
      queue: 'pcq-download-default',
      'max-limit': '100M',
    },
    printed: {
      name: 'plan-down',
      parent: 'global',
      'max-limit': '100000000',
      priority: '8',
      disabled: 'false',
    },
    set: { 'max-limit': '200M' },
    afterSet: { 'max-limit': '200000000' },
  },
  {
    menu: '/ip/firewall/address-list',
    add: { list: 'morosos', address: '203.0.113.77/24', comment: 'isp:2' },
    printed: {
      list: 'morosos',
      address: '203.0.113.0/24',
      dynamic: 'false',
      disabled: 'false',
      comment: 'isp:2',
    },
    set: { list: 'plan-b' },
    afterSet: { list: 'plan-b' },
  },
  {
    menu: '/ip/firewall/filter',
    add: { chain: 'forward', action: 'drop', 'src-address-list': 'morosos', comment: 'isp:suspend' },
    printed: {
      chain: 'forward',
      action: 'drop',
      'src-address-list': 'morosos',
      disabled: 'false',
      log: 'false',
    },
    set: { protocol: 'tcp', 'dst-port': '80,443' },
    afterSet: { protocol: 'tcp', 'dst-port': '80,443' },
  },
  {
    menu: '/ip/firewall/nat',
    add: {
      chain: 'dstnat',
      action: 'dst-nat',
      protocol: 'tcp',
      'dst-port': '80',
      'to-addresses': '192.0.2.10',
      'to-ports': '80',
    },
    printed: { chain: 'dstnat', action: 'dst-nat', 'to-addresses': '192.0.2.10', 'to-ports': '80' },
    set: { action: 'redirect' },
    afterSet: { action: 'redirect' },
  },
  {
    menu: '/ip/firewall/mangle',
    add: {
      chain: 'forward',
      action: 'mark-packet',
      'new-packet-mark': 'plan-up',
      'src-address-list': 'plan-a',
    },
    printed: { chain: 'forward', action: 'mark-packet', 'new-packet-mark': 'plan-up', passthrough: 'true' },
    set: { passthrough: 'no' },
    afterSet: { passthrough: 'false' },
  },
  {
    menu: '/ppp/profile',
    add: { name: 'plan-10', 'rate-limit': '5M/10M', 'address-list': 'plan-10', 'only-one': 'yes' },
    printed: { name: 'plan-10', 'rate-limit': '5M/10M', 'address-list': 'plan-10', 'only-one': 'yes' },
    set: { 'rate-limit': '6M/12M' },
    afterSet: { 'rate-limit': '6M/12M' },
  },
  {
    menu: '/ppp/secret',
    add: { name: 'ana', password: '007', service: 'pppoe', profile: 'default', 'remote-address': '10.1.0.5' },
    printed: {
      name: 'ana',
      password: '007',
      service: 'pppoe',
      profile: 'default',
      'remote-address': '10.1.0.5',
      disabled: 'false',
    },
    set: { profile: 'default-encryption' },
    afterSet: { profile: 'default-encryption' },
  },
  {
    menu: '/ip/hotspot/user/profile',
    add: { name: 'hs-plan', 'rate-limit': '512k/1M', 'shared-users': '2' },
    printed: {
      name: 'hs-plan',
      'rate-limit': '512k/1M',
      'shared-users': '2',
      'add-mac-cookie': 'true',
      'keepalive-timeout': '2m',
    },
    set: { 'shared-users': '3' },
    afterSet: { 'shared-users': '3' },
  },
  {
    menu: '/ip/hotspot/user',
    add: { name: 'bob', password: '123456', profile: 'default', 'mac-address': 'aa:bb:cc:dd:ee:ff' },
    printed: {
      name: 'bob',
      password: '123456',
      profile: 'default',
      server: 'all',
      address: '0.0.0.0',
      'mac-address': 'AA:BB:CC:DD:EE:FF',
      'limit-uptime': '0s',
    },
    set: { 'limit-uptime': '1h' },
    afterSet: { 'limit-uptime': '1h' },
  },
];

describe('CRUD on every list menu through routeros-api raw write()', () => {
  it.each(cases)('$menu: add → print → set → print → remove', async (item) => {
    const added = await api.write(`${item.menu}/add`, words(item.add));
    expect(added).toHaveLength(1);
    const id = added[0]!.ret as string;
    expect(id).toMatch(/^\*[0-9A-F]+$/);
    const printed = await api.write(`${item.menu}/print`, [`?.id=${id}`]);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({ '.id': id, ...item.printed });
    expect(await api.write(`${item.menu}/set`, [`=.id=${id}`, ...words(item.set)])).toEqual([]);
    const after = await api.write(`${item.menu}/print`, [`?.id=${id}`]);
    expect(after[0]).toMatchObject(item.afterSet);
    expect(await api.write(`${item.menu}/remove`, [`=.id=${id}`])).toEqual([]);
    expect(await api.write(`${item.menu}/print`, [`?.id=${id}`])).toEqual([]);
  });

  it('/system/identity: print and set without an id', async () => {
    await api.write('/system/identity/set', ['=name=edge-01']);
    expect(await api.write('/system/identity/print')).toEqual([{ name: 'edge-01' }]);
  });

  it('/system/resource: print shows the emulated version', async () => {
    const [resource] = await api.write('/system/resource/print');
    expect(resource).toMatchObject({ version: '7.18 (stable)', 'board-name': expect.any(String) });
  });

  it('session menus: print and remove (kick) rows created by simulated logins', async () => {
    emulator.operator.add('/ppp/secret', { name: 'kim', password: 'pw', service: 'pppoe' });
    emulator.operator.add('/ip/hotspot/user', { name: 'lee', password: 'pw' });
    const ppp = emulator.subscribers.loginPpp({ name: 'kim', password: 'pw' });
    const hs = emulator.subscribers.loginHotspot({
      name: 'lee',
      password: 'pw',
      macAddress: '02:00:00:00:00:09',
    });
    expect(ppp.ok && hs.ok).toBe(true);
    const active = await api.write('/ppp/active/print', ['?name=kim']);
    expect(active[0]).toMatchObject({ name: 'kim', service: 'pppoe' });
    const hsActive = await api.write('/ip/hotspot/active/print', ['?user=lee']);
    expect(hsActive[0]).toMatchObject({ user: 'lee', 'mac-address': '02:00:00:00:00:09' });
    const cookies = await api.write('/ip/hotspot/cookie/print', ['?user=lee']);
    expect(cookies[0]).toMatchObject({ user: 'lee', 'expires-in': expect.stringMatching(/^(3d|2d23h59m)/) });
    await api.write('/ppp/active/remove', [`=.id=${active[0]!['.id']}`]);
    await api.write('/ip/hotspot/active/remove', [`=.id=${hsActive[0]!['.id']}`]);
    await api.write('/ip/hotspot/cookie/remove', [`=.id=${cookies[0]!['.id']}`]);
    expect(await api.write('/ppp/active/print')).toEqual([]);
    expect(await api.write('/ip/hotspot/active/print')).toEqual([]);
    expect(await api.write('/ip/hotspot/cookie/print')).toEqual([]);
  });
});

describe('list-menu behaviour', () => {
  it('ordered menus: place-before inserts and move reorders', async () => {
    const [a] = await api.write('/queue/simple/add', ['=name=q-a', '=target=10.9.0.1', '=comment=order']);
    const [b] = await api.write('/queue/simple/add', ['=name=q-b', '=target=10.9.0.2', '=comment=order']);
    await api.write('/queue/simple/add', [
      '=name=q-c',
      '=target=10.9.0.3',
      '=comment=order',
      `=place-before=${a!.ret}`,
    ]);
    const names = async (): Promise<string[]> =>
      (await api.write('/queue/simple/print', ['=.proplist=name', '?comment=order'])).map((row) =>
        String(row.name),
      );
    expect(await names()).toEqual(['q-c', 'q-a', 'q-b']);
    await api.write('/queue/simple/move', [`=numbers=${b!.ret}`, `=destination=${a!.ret}`]);
    expect(await names()).toEqual(['q-c', 'q-b', 'q-a']);
    await api.write('/queue/simple/move', [`=numbers=q-c`]);
    expect(await names()).toEqual(['q-b', 'q-a', 'q-c']);
    await api.write('/queue/simple/remove', ['=numbers=q-a,q-b,q-c']);
    expect(await names()).toEqual([]);
  });

  it('simple queue names default to queueN', async () => {
    const [added] = await api.write('/queue/simple/add', ['=target=10.9.9.9']);
    const [row] = await api.write('/queue/simple/print', [`?.id=${added!.ret}`, '=.proplist=name']);
    expect(row).toEqual({ name: expect.stringMatching(/^queue\d+$/) });
    await api.write('/queue/simple/remove', [`=.id=${added!.ret}`]);
  });

  it('=.proplist= limits the properties, absent ones are simply missing', async () => {
    const [added] = await api.write('/ip/firewall/address-list/add', ['=list=l1', '=address=10.5.5.5']);
    const rows = await api.write('/ip/firewall/address-list/print', [
      '=.proplist=.id,address,comment',
      `?.id=${added!.ret}`,
    ]);
    expect(rows).toEqual([{ '.id': added!.ret, address: '10.5.5.5' }]);
    await api.write('/ip/firewall/address-list/remove', [`=.id=${added!.ret}`]);
  });

  it('=count-only= answers !done =ret=<n> without rows', async () => {
    const result = await api.write('/queue/type/print', ['=count-only=']);
    expect(result).toEqual([{ ret: '10' }]);
    const filtered = await api.write('/queue/type/print', ['=count-only=', '?kind=pcq']);
    expect(filtered).toEqual([{ ret: '2' }]);
  });

  it('queries with ?# stack operations through the client', async () => {
    const rows = await api.write('/queue/type/print', ['=.proplist=name', '?kind=pcq', '?kind=sfq', '?#|']);
    expect(rows.map((row) => row.name).sort()).toEqual([
      'hotspot-default',
      'pcq-download-default',
      'pcq-upload-default',
      'wireless-default',
    ]);
  });

  it('items are addressable by name where RouterOS allows it; enable/disable/unset/get work', async () => {
    await api.write('/ppp/profile/add', ['=name=by-name', '=rate-limit=1M/2M']);
    await api.write('/ppp/profile/set', ['=.id=by-name', '=rate-limit=2M/4M']);
    expect(await api.write('/ppp/profile/get', ['=number=by-name', '=value-name=rate-limit'])).toEqual([
      { ret: '2M/4M' },
    ]);
    await api.write('/ppp/profile/unset', ['=numbers=by-name', '=value-name=rate-limit']);
    const [row] = await api.write('/ppp/profile/print', ['?name=by-name']);
    expect(row!['rate-limit']).toBeUndefined();
    await api.write('/ppp/profile/remove', ['=.id=by-name']);
    const [secret] = await api.write('/ppp/secret/add', ['=name=toggle', '=password=x']);
    await api.write('/ppp/secret/disable', [`=numbers=${secret!.ret}`]);
    expect((await api.write('/ppp/secret/print', ['?name=toggle']))[0]!.disabled).toBe('true');
    await api.write('/ppp/secret/enable', [`=numbers=${secret!.ret}`]);
    expect((await api.write('/ppp/secret/print', ['?name=toggle']))[0]!.disabled).toBe('false');
    await api.write('/ppp/secret/remove', ['=numbers=toggle']);
  });

  it('renaming a profile follows the references of secrets', async () => {
    await api.write('/ppp/profile/add', ['=name=old-plan']);
    await api.write('/ppp/secret/add', ['=name=ref-user', '=profile=old-plan']);
    await api.write('/ppp/profile/set', ['=.id=old-plan', '=name=new-plan']);
    expect((await api.write('/ppp/secret/print', ['?name=ref-user']))[0]!.profile).toBe('new-plan');
    await api.write('/ppp/secret/remove', ['=numbers=ref-user']);
    await api.write('/ppp/profile/remove', ['=numbers=new-plan']);
  });

  it('an address-list entry with timeout is dynamic and shows the remaining time', async () => {
    const [added] = await api.write('/ip/firewall/address-list/add', [
      '=list=tmp',
      '=address=10.7.7.7',
      '=timeout=1h',
    ]);
    const [row] = await api.write('/ip/firewall/address-list/print', [`?.id=${added!.ret}`]);
    expect(row).toMatchObject({ dynamic: 'true', timeout: expect.stringMatching(/^(59m\d+s|1h)$/) });
    await api.write('/ip/firewall/address-list/remove', [`=.id=${added!.ret}`]);
  });

  it('empty values are accepted as =key=', async () => {
    const [added] = await api.write('/ppp/secret/add', ['=name=empty-pw', '=password=']);
    expect((await api.write('/ppp/secret/print', [`?.id=${added!.ret}`]))[0]!.password).toBe('');
    await api.write('/ppp/secret/remove', [`=.id=${added!.ret}`]);
  });
});
