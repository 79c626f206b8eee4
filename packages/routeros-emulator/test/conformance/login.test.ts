import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../src/index';
import { connectRawClient } from '../../src/testing/index';
import { closeRos, connectRos } from '../helpers/ros-client';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('login with routeros-api', () => {
  it.each(['6.49', '7.16', '7.18'])('post-6.43 login on %s', async (rosVersion) => {
    emulator = await startEmulator({ rosVersion, user: 'api', password: 's3cret' });
    const api = await connectRos(emulator, { user: 'api', password: 's3cret' });
    expect(api.connected).toBe(true);
    const identity = await api.write('/system/identity/print');
    expect(identity).toEqual([{ name: 'MikroTik' }]);
    await closeRos(api);
    expect(emulator.stats().logins.succeeded).toBe(1);
  });

  it('legacy MD5 challenge login on 6.42 (routeros-api falls back on the challenge)', async () => {
    emulator = await startEmulator({ rosVersion: '6.42', password: 'old' });
    const api = await connectRos(emulator, { password: 'old' });
    expect(api.connected).toBe(true);
    await closeRos(api);
    const logins = emulator.sentences.commands().filter((words) => words[0] === '/login');
    expect(logins).toHaveLength(2);
    expect(logins[1]?.some((word) => word.startsWith('=response=***'))).toBe(true);
  });

  it.each([
    ['6.42', 'cannot log in'],
    ['6.44', 'cannot log in'],
    ['6.49', 'invalid user name or password (6)'],
    ['7.18', 'invalid user name or password (6)'],
  ])('bad credentials on %s trap with "%s" then !done', async (rosVersion, message) => {
    emulator = await startEmulator({ rosVersion, password: 'right' });
    const client = await connectRawClient({ port: emulator.port });
    const reply =
      rosVersion === '6.42'
        ? await client.loginWithChallenge('admin', 'wrong')
        : await client.login('admin', 'wrong');
    expect(reply.traps).toEqual([{ message }]);
    expect(reply.sentences.at(-1)?.[0]).toBe('!done');
    client.close();
  });

  it('routeros-api rejects a bad password with CANTLOGIN', async () => {
    emulator = await startEmulator({ password: 'right' });
    await expect(connectRos(emulator, { password: 'wrong' })).rejects.toMatchObject({ errno: 'CANTLOGIN' });
    expect(emulator.stats().logins.failed).toBe(1);
  });

  it('the challenge response is refused from 6.45.1 on', async () => {
    emulator = await startEmulator({ rosVersion: '6.49' });
    const client = await connectRawClient({ port: emulator.port });
    const reply = await client.loginWithChallenge('admin', '');
    expect(reply.traps).toEqual([{ message: 'invalid user name or password (6)' }]);
    client.close();
  });
});
