import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/index';
import { buildSnapshot, seedRows, snapshotRows } from '../../src/testing/index';
import { closeRos, connectRos } from '../helpers/ros-client';

describe('state snapshot and seeding', () => {
  it('buildSnapshot normalises rows like the router and keeps built-ins', () => {
    const built = buildSnapshot({
      '/ppp/profile': [{ name: 'plan-10', 'rate-limit': '5M/10M' }],
      '/queue/simple': [{ name: 'sub-1', target: '10.0.0.1', 'max-limit': '10M/20M' }],
    });
    if (!built.ok) throw new Error(built.error.message);
    expect(snapshotRows(built.snapshot, '/ppp/profile').map((row) => row.name)).toEqual([
      'default',
      'default-encryption',
      'plan-10',
    ]);
    expect(snapshotRows(built.snapshot, '/queue/simple')[0]).toMatchObject({
      '.id': '*1',
      target: '10.0.0.1/32',
      'max-limit': '10000000/20000000',
    });
    expect(JSON.parse(JSON.stringify(built.snapshot))).toEqual(built.snapshot);
  });

  it('buildSnapshot reports the first rejected row', () => {
    const built = buildSnapshot({ '/ppp/secret': [{ name: 'a' }, { name: 'a' }] });
    expect(built).toMatchObject({
      ok: false,
      error: {
        type: 'SeedRejected',
        menu: '/ppp/secret',
        index: 1,
        traps: [{ message: 'failure: secret with the same name already exists' }],
      },
    });
  });

  it('a snapshot round-trips through a new emulator, ids and the id counter included', async () => {
    const first = await startEmulator();
    seedRows(first, '/ip/firewall/address-list', [
      { list: 'a', address: '10.0.0.1' },
      { list: 'a', address: '10.0.0.2' },
    ]);
    first.operator.remove('/ip/firewall/address-list', '*1');
    const snapshot = first.snapshot();
    await first.close();
    const second = await startEmulator({ state: snapshot });
    expect(second.snapshot()).toEqual(snapshot);
    const api = await connectRos(second);
    const [added] = await api.write('/ip/firewall/address-list/add', ['=list=a', '=address=10.0.0.3']);
    expect(added!.ret).toBe('*3');
    await closeRos(api);
    await second.close();
  });

  it('configurationOnly leaves out sessions and dynamic rows; redactSecrets hides passwords', async () => {
    const e = await startEmulator();
    e.operator.add('/ppp/profile', { name: 'p', 'rate-limit': '1M/1M' });
    e.operator.add('/ppp/secret', { name: 'u', password: 'pw', profile: 'p' });
    e.operator.add('/ip/firewall/address-list', { list: 't', address: '10.9.9.9', timeout: '1h' });
    e.subscribers.loginPpp({ name: 'u', password: 'pw' });
    const config = e.snapshot({ configurationOnly: true });
    expect(config.menus['/ppp/active']).toBeUndefined();
    expect(snapshotRows(config, '/queue/simple')).toEqual([]);
    expect(snapshotRows(config, '/ip/firewall/address-list')).toEqual([]);
    expect(snapshotRows(e.snapshot(), '/ppp/active')).toHaveLength(1);
    expect(JSON.stringify(e.snapshot({ redactSecrets: true }))).not.toContain('"password":"pw"');
    await e.close();
  });

  it('seed rejects malformed snapshots without changing state', async () => {
    const e = await startEmulator();
    const before = e.snapshot();
    expect(e.seed({ format: 'nope' } as never)).toMatchObject({
      ok: false,
      error: { type: 'InvalidSnapshot' },
    });
    expect(e.seed({ format: 'routeros-emulator/1', menus: { '/x': { nextId: 1, rows: [] } } })).toMatchObject(
      { ok: false },
    );
    expect(
      e.seed({
        format: 'routeros-emulator/1',
        menus: { '/ppp/secret': { nextId: 1, rows: [{ '.id': 'bad', name: 'x' }] } },
      }),
    ).toMatchObject({ ok: false });
    expect(
      e.seed(
        JSON.parse(
          '{"format":"routeros-emulator/1","menus":{"/ppp/secret":{"nextId":1,"rows":[{"__proto__":{"x":1}}]}}}',
        ),
      ),
    ).toMatchObject({ ok: false });
    expect(e.snapshot()).toEqual(before);
    await expect(startEmulator({ rosVersion: '8.1' })).rejects.toThrow(TypeError);
    await expect(startEmulator({ port: -1 })).rejects.toThrow(TypeError);
    await e.close();
  });

  it('reset returns to factory state', async () => {
    const e = await startEmulator();
    e.operator.add('/ppp/secret', { name: 'x' });
    e.reset();
    expect(e.rows('/ppp/secret')).toEqual([]);
    expect(e.rows('/queue/type')).toHaveLength(10);
    await e.close();
  });
});
