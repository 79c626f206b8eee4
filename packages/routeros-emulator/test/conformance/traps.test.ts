import type { RouterOSAPI } from 'routeros-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../src/index';
import { connectRawClient } from '../../src/testing/index';
import { closeRos, connectRos, trapOf } from '../helpers/ros-client';

let emulator: Emulator;
let api: RouterOSAPI;

beforeAll(async () => {
  emulator = await startEmulator({
    rosVersion: '7.18',
    users: [{ name: 'viewer', password: 'v', group: 'read' }],
  });
  api = await connectRos(emulator);
  await api.write('/queue/simple/add', ['=name=dup', '=target=10.0.0.1']);
  await api.write('/ip/firewall/address-list/add', ['=list=morosos', '=address=10.0.0.9']);
  await api.write('/ppp/secret/add', ['=name=dup-secret']);
  await api.write('/ip/hotspot/user/add', ['=name=dup-user']);
});
afterAll(async () => {
  await closeRos(api);
  await emulator.close();
});

describe('A9 error catalogue through routeros-api (first trap message)', () => {
  it.each([
    [
      'duplicate address-list entry',
      '/ip/firewall/address-list/add',
      ['=list=morosos', '=address=10.0.0.9/32'],
      'failure: already have such entry',
    ],
    ['duplicate simple-queue name', '/queue/simple/add', ['=name=dup'], 'failure: already have such name'],
    [
      'duplicate PPP secret',
      '/ppp/secret/add',
      ['=name=dup-secret'],
      'failure: secret with the same name already exists',
    ],
    [
      'duplicate hotspot user',
      '/ip/hotspot/user/add',
      ['=name=dup-user'],
      'failure: already have user with this name for this server',
    ],
    ['id not found', '/queue/simple/remove', ['=.id=*FFFF'], 'no such item'],
    ['set without any id', '/queue/simple/set', ['=max-limit=1M/1M'], 'no such item'],
    ['malformed id', '/ip/firewall/address-list/remove', ['=.id=bogus'], 'invalid internal item number'],
    ['malformed hex id', '/queue/simple/remove', ['=numbers=*XYZ'], 'invalid internal item number'],
    [
      'unknown parent',
      '/queue/simple/add',
      ['=name=child', '=parent=nowhere'],
      'input does not match any value of parent',
    ],
    [
      'unknown profile',
      '/ppp/secret/add',
      ['=name=p1', '=profile=gold'],
      'input does not match any value of profile',
    ],
    [
      'unknown hotspot profile',
      '/ip/hotspot/user/add',
      ['=name=h1', '=profile=gold'],
      'input does not match any value of profile',
    ],
    [
      'bad enum',
      '/ip/firewall/filter/add',
      ['=chain=forward', '=protocol=bogus'],
      'input does not match any value of protocol',
    ],
    [
      'bad IP',
      '/ppp/secret/add',
      ['=name=p2', '=remote-address=10.0.0.300'],
      'invalid value for argument remote-address',
    ],
    [
      'ambiguous enum prefix',
      '/ppp/secret/add',
      ['=name=p3', '=service=pp'],
      'ambiguous value of service, more than one possible value matches input',
    ],
    [
      'unknown attribute',
      '/ip/hotspot/user/add',
      ['=name=h2', '=shared-users=2'],
      'unknown parameter shared-users',
    ],
    [
      'read-only attribute on a session',
      '/ip/hotspot/active/set',
      ['=.id=*1', '=limit-uptime=1h'],
      'unknown parameter limit-uptime',
    ],
    [
      'missing required attribute',
      '/ip/firewall/address-list/add',
      ['=list=x'],
      'missing value(s) of argument(s) address',
    ],
    ['unknown command in a real menu', '/queue/simple/frobnicate', [], 'no such command'],
    [
      'unknown menu (first of two traps)',
      '/caps-man/interface/print',
      [],
      'no such command or directory (caps-man)',
    ],
    [
      'timeout too long',
      '/ip/firewall/address-list/add',
      ['=list=t', '=address=10.1.1.1', '=timeout=36w'],
      'value of timeout is out of range (00:00:00 .. 35w3d13:13:56)',
    ],
    [
      'limit-at above max-limit',
      '/queue/simple/add',
      ['=name=lim', '=max-limit=1M/1M', '=limit-at=2M/1M'],
      'failure: upload-max-limit less than upload-limit',
    ],
    [
      'built-in queue type',
      '/queue/type/remove',
      ['=numbers=default'],
      'failure: can not remove builtin queue type',
    ],
    [
      'built-in PPP profile',
      '/ppp/profile/remove',
      ['=numbers=default'],
      'failure: can not remove default profile',
    ],
  ])('%s', async (_name, command, args, message) => {
    expect(await trapOf(api.write(command, args))).toBe(message);
  });

  it('an unknown menu sends two traps, then !done, all tagged', async () => {
    const client = await connectRawClient({ port: emulator.port });
    await client.login();
    const reply = await client.command(['/caps-man/print']);
    expect(reply.traps).toEqual([
      { message: 'no such command or directory (caps-man)' },
      { message: 'no such command prefix' },
    ]);
    expect(reply.sentences.map((sentence) => sentence[0])).toEqual(['!trap', '!trap', '!done']);
    expect(reply.sentences.every((sentence) => sentence.includes(`.tag=${reply.tag}`))).toBe(true);
    client.close();
  });

  it('removing the default trial user is refused', async () => {
    const seeded = emulator.seed({
      format: 'routeros-emulator/1',
      menus: {
        '/ip/hotspot/user': {
          nextId: 1,
          rows: [{ '.id': '*1', name: 'default-trial', server: 'all', profile: 'default', default: 'true' }],
        },
      },
    });
    expect(seeded.ok).toBe(true);
    expect(await trapOf(api.write('/ip/hotspot/user/remove', ['=.id=*1']))).toBe(
      'failure: default trial user can not be removed',
    );
  });

  it('a read-only user gets not enough permissions (9) on writes but can print', async () => {
    const viewer = await connectRos(emulator, { user: 'viewer', password: 'v' });
    expect((await viewer.write('/queue/simple/print', ['?name=dup'])).length).toBe(1);
    expect(await trapOf(viewer.write('/queue/simple/add', ['=name=v1']))).toBe('not enough permissions (9)');
    await closeRos(viewer);
  });

  it('/cancel: the cancelled command gets interrupted (category 2), cancel its !done, then the victim !done', async () => {
    const client = await connectRawClient({ port: emulator.port });
    await client.login();
    client.send(['/queue/simple/listen', '.tag=L']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const start = client.received.length;
    await api.write('/queue/simple/add', ['=name=seen-by-listen']);
    await client.waitFor(
      (words) => words[0] === '!re' && words.includes('=name=seen-by-listen'),
      2000,
      start,
    );
    client.send(['/cancel', '=tag=L', '.tag=C']);
    await client.waitFor((words) => words[0] === '!done' && words.includes('.tag=L'), 2000, start);
    const tail = client.received.slice(start).filter((words) => words[0] !== '!re');
    expect(tail).toEqual([
      ['!trap', '=category=2', '=message=interrupted', '.tag=L'],
      ['!done', '.tag=C'],
      ['!done', '.tag=L'],
    ]);
    client.close();
  });

  it('listen reports deletions with =.dead=yes', async () => {
    const client = await connectRawClient({ port: emulator.port });
    await client.login();
    const [added] = await api.write('/ppp/profile/add', ['=name=to-delete']);
    client.send(['/ppp/profile/listen', '.tag=W']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await api.write('/ppp/profile/remove', [`=.id=${added!.ret}`]);
    const dead = await client.waitFor((words) => words.includes('=.dead=yes'));
    expect(dead).toEqual(['!re', `=.id=${added!.ret}`, '=.dead=yes', '.tag=W']);
    client.close();
  });
});
