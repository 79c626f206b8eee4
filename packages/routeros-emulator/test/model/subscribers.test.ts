import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../src/index';
import { closeRos, connectRos } from '../helpers/ros-client';

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator();
  emulator.operator.add('/ppp/profile', {
    name: 'plan-10',
    'rate-limit': '5M/10M',
    'address-list': 'plan-10',
    'only-one': 'yes',
  });
  emulator.operator.add('/ppp/profile', { name: 'plan-50', 'rate-limit': '25M/50M' });
  emulator.operator.add('/ppp/secret', { name: 'ana', password: 'pw', service: 'pppoe', profile: 'plan-10' });
  emulator.operator.add('/ip/hotspot/user/profile', {
    name: 'hs-1m',
    'rate-limit': '512k/1M',
    'shared-users': '1',
  });
  emulator.operator.add('/ip/hotspot/user', { name: 'bob', password: 'pw', profile: 'hs-1m' });
});
afterEach(async () => {
  await emulator.close();
});

describe('simulated PPPoE subscribers', () => {
  it('a login creates /ppp/active, a dynamic queue and the profile address-list entry', async () => {
    const outcome = emulator.subscribers.loginPpp({
      name: 'ana',
      password: 'pw',
      callerId: 'AA:BB:CC:00:00:01',
    });
    expect(outcome).toMatchObject({
      ok: true,
      session: { name: 'ana', profile: 'plan-10', rateLimit: '5M/10M', queue: '<pppoe-ana>' },
    });
    const api = await connectRos(emulator);
    const [active] = await api.write('/ppp/active/print', ['?name=ana']);
    expect(active).toMatchObject({ name: 'ana', service: 'pppoe', 'caller-id': 'AA:BB:CC:00:00:01' });
    expect(active!.profile).toBeUndefined();
    const [queue] = await api.write('/queue/simple/print', ['?name=<pppoe-ana>']);
    expect(queue).toMatchObject({
      dynamic: 'true',
      'max-limit': '5000000/10000000',
      target: `${active!.address}/32`,
    });
    expect(await api.write('/ip/firewall/address-list/print', ['?list=plan-10'])).toEqual([
      expect.objectContaining({ address: active!.address, dynamic: 'true' }),
    ]);
    await closeRos(api);
  });

  it.each([
    ['unknown-user', { name: 'nobody', password: 'pw' }],
    ['wrong-password', { name: 'ana', password: 'nope' }],
  ] as const)('refuses %s', (reason, login) => {
    expect(emulator.subscribers.loginPpp(login)).toMatchObject({ ok: false, reason });
    expect(emulator.rows('/ppp/active')).toEqual([]);
  });

  it('refuses a disabled secret, a wrong service and a second session with only-one', () => {
    emulator.operator.set('/ppp/secret', 'ana', { disabled: 'yes' });
    expect(emulator.subscribers.loginPpp({ name: 'ana', password: 'pw' })).toMatchObject({
      ok: false,
      reason: 'disabled',
    });
    emulator.operator.set('/ppp/secret', 'ana', { disabled: 'no' });
    expect(emulator.subscribers.loginPpp({ name: 'ana', password: 'pw', service: 'l2tp' })).toMatchObject({
      ok: false,
      reason: 'service-mismatch',
    });
    expect(emulator.subscribers.loginPpp({ name: 'ana', password: 'pw' }).ok).toBe(true);
    expect(emulator.subscribers.loginPpp({ name: 'ana', password: 'pw' })).toMatchObject({
      ok: false,
      reason: 'already-connected',
    });
  });

  it('changing the profile does not touch the live session; a kick and re-login applies it', async () => {
    expect(emulator.subscribers.loginPpp({ name: 'ana', password: 'pw' }).ok).toBe(true);
    const api = await connectRos(emulator);
    const [secret] = await api.write('/ppp/secret/print', ['?name=ana']);
    await api.write('/ppp/secret/set', [`=.id=${secret!['.id']}`, '=profile=plan-50']);
    expect(emulator.subscribers.sessions()).toEqual([
      expect.objectContaining({ name: 'ana', profile: 'plan-10', rateLimit: '5M/10M' }),
    ]);
    const [active] = await api.write('/ppp/active/print', ['?name=ana', '=.proplist=.id']);
    await api.write('/ppp/active/remove', [`=.id=${active!['.id']}`]);
    expect(emulator.subscribers.sessions()).toEqual([]);
    expect(await api.write('/queue/simple/print', ['?dynamic=true'])).toEqual([]);
    expect(await api.write('/ip/firewall/address-list/print', ['?list=plan-10'])).toEqual([]);
    const again = emulator.subscribers.loginPpp({ name: 'ana', password: 'pw' });
    expect(again).toMatchObject({ ok: true, session: { profile: 'plan-50', rateLimit: '25M/50M' } });
    expect((await api.write('/queue/simple/print', ['?name=<pppoe-ana>']))[0]!['max-limit']).toBe(
      '25000000/50000000',
    );
    await closeRos(api);
  });

  it('dynamic session queues cannot be edited by API clients', async () => {
    emulator.subscribers.loginPpp({ name: 'ana', password: 'pw' });
    const api = await connectRos(emulator);
    const [queue] = await api.write('/queue/simple/print', ['?dynamic=true', '=.proplist=.id']);
    await expect(
      api.write('/queue/simple/set', [`=.id=${queue!['.id']}`, '=max-limit=1M/1M']),
    ).rejects.toThrow('failure: can not change dynamic queue');
    await closeRos(api);
  });

  it('rejects non-string input without throwing', () => {
    expect(
      emulator.subscribers.loginPpp({ name: 42, password: null } as unknown as {
        name: string;
        password: string;
      }),
    ).toMatchObject({
      ok: false,
      reason: 'invalid-input',
    });
  });
});

describe('simulated HotSpot subscribers', () => {
  it('a login creates the active row and a cookie; shared-users limits sessions', () => {
    const first = emulator.subscribers.loginHotspot({
      name: 'bob',
      password: 'pw',
      macAddress: '02:00:00:00:00:01',
    });
    expect(first).toMatchObject({
      ok: true,
      session: { profile: 'hs-1m', rateLimit: '512k/1M', queue: '<hotspot-bob>' },
    });
    expect(emulator.rows('/ip/hotspot/active')).toEqual([
      expect.objectContaining({ user: 'bob', 'mac-address': '02:00:00:00:00:01', 'login-by': 'http-chap' }),
    ]);
    expect(emulator.rows('/ip/hotspot/cookie')).toEqual([expect.objectContaining({ user: 'bob' })]);
    expect(emulator.subscribers.loginHotspot({ name: 'bob', password: 'pw' })).toMatchObject({
      ok: false,
      reason: 'too-many-sessions',
    });
  });

  it('refuses unknown, disabled, wrong password and a MAC other than the bound one', () => {
    expect(emulator.subscribers.loginHotspot({ name: 'zed', password: 'pw' })).toMatchObject({
      reason: 'unknown-user',
    });
    expect(emulator.subscribers.loginHotspot({ name: 'bob', password: 'x' })).toMatchObject({
      reason: 'wrong-password',
    });
    emulator.operator.set('/ip/hotspot/user', 'bob', { 'mac-address': '02:00:00:00:00:AA' });
    expect(
      emulator.subscribers.loginHotspot({ name: 'bob', password: 'pw', macAddress: '02:00:00:00:00:BB' }),
    ).toMatchObject({
      reason: 'mac-mismatch',
    });
    emulator.operator.set('/ip/hotspot/user', 'bob', { disabled: 'yes' });
    expect(emulator.subscribers.loginHotspot({ name: 'bob', password: 'pw' })).toMatchObject({
      reason: 'disabled',
    });
  });

  it('logout() ends the session and its dynamic queue, the cookie stays', () => {
    const outcome = emulator.subscribers.loginHotspot({ name: 'bob', password: 'pw' });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(emulator.subscribers.logout('/ip/hotspot/active', outcome.session.id)).toBe(true);
    expect(emulator.subscribers.logout('/ip/hotspot/active', outcome.session.id)).toBe(false);
    expect(emulator.rows('/queue/simple')).toEqual([]);
    expect(emulator.rows('/ip/hotspot/cookie')).toHaveLength(1);
  });
});
