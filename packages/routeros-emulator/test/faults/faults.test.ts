import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, encodeSentence, startEmulator } from '../../src/index';
import { connectRawClient } from '../../src/testing/index';
import { closeRos, connectRos, trapOf } from '../helpers/ros-client';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function loggedIn(e: Emulator) {
  const client = await connectRawClient({ port: e.port, timeoutMs: 1500 });
  expect((await client.login()).traps).toEqual([]);
  return client;
}

describe('fault injection', () => {
  it('dropOnCommand: the socket closes mid-command without a reply', async () => {
    emulator = await startEmulator({ faults: { dropOnCommand: 2 } });
    const client = await loggedIn(emulator);
    await client.command(['/queue/simple/print']);
    await expect(client.command(['/queue/simple/print'])).rejects.toThrow(/closed/);
    expect(client.isClosed).toBe(true);
  });

  it('dropAfterCommands: the reply to the Nth command arrives, then the socket closes', async () => {
    emulator = await startEmulator({ faults: { dropAfterCommands: 2 } });
    const client = await loggedIn(emulator);
    await client.command(['/system/identity/print']);
    const second = await client.command(['/system/identity/print']);
    expect(second.re).toEqual([{ name: 'MikroTik' }]);
    await client.waitClosed();
  });

  it('fatalOnCommand: !fatal with the reason, then close; routeros-api emits close', async () => {
    emulator = await startEmulator({ faults: { fatalOnCommand: { nth: 1, reason: 'out of memory' } } });
    const client = await loggedIn(emulator);
    await expect(client.command(['/queue/simple/print'])).rejects.toThrow('!fatal out of memory');
    await client.waitClosed();
    expect(client.received.at(-1)).toEqual(['!fatal', 'out of memory']);
  });

  it('fatal(): every open connection gets !fatal', async () => {
    emulator = await startEmulator();
    const a = await loggedIn(emulator);
    const b = await loggedIn(emulator);
    emulator.faults.fatal('rebooting');
    await Promise.all([a.waitClosed(), b.waitClosed()]);
    expect(a.received.at(-1)).toEqual(['!fatal', 'rebooting']);
    expect(b.received.at(-1)).toEqual(['!fatal', 'rebooting']);
    const deadline = Date.now() + 2000;
    while (emulator.connectionCount() > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(emulator.connectionCount()).toBe(0);
  });

  it('dropConnections(): all sockets close at once', async () => {
    emulator = await startEmulator();
    const a = await loggedIn(emulator);
    emulator.faults.dropConnections();
    await a.waitClosed();
    expect(a.isClosed).toBe(true);
  });

  it('trapOnWrite: the Nth write traps (reads are not counted) and does not change state', async () => {
    emulator = await startEmulator({ faults: { trapOnWrite: { nth: 2, message: 'failure: busy' } } });
    const api = await connectRos(emulator);
    await api.write('/ppp/profile/add', ['=name=p1']);
    await api.write('/ppp/profile/print');
    expect(await trapOf(api.write('/ppp/profile/add', ['=name=p2']))).toBe('failure: busy');
    await api.write('/ppp/profile/add', ['=name=p3']);
    expect(emulator.rows('/ppp/profile').map((row) => row.name)).toEqual([
      'default',
      'default-encryption',
      'p1',
      'p3',
    ]);
    await closeRos(api);
  });

  it('trapWriteRatio: a seeded fraction of writes traps, reproducibly', async () => {
    const run = async (): Promise<boolean[]> => {
      const e = await startEmulator({ faults: { trapWriteRatio: 0.3, seed: 42 } });
      const client = await loggedIn(e);
      const outcomes: boolean[] = [];
      for (let i = 0; i < 40; i++) {
        const reply = await client.command([
          '/ip/firewall/address-list/add',
          '=list=r',
          `=address=10.0.0.${i}`,
        ]);
        outcomes.push(reply.traps.length > 0);
      }
      client.close();
      await e.close();
      return outcomes;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const trapped = first.filter(Boolean).length;
    expect(trapped).toBeGreaterThan(3);
    expect(trapped).toBeLessThan(25);
  });

  it('doubleTrap: a failing command sends two traps before !done', async () => {
    emulator = await startEmulator({ faults: { doubleTrap: true } });
    const client = await loggedIn(emulator);
    const reply = await client.command(['/queue/simple/remove', '=.id=*99']);
    expect(reply.traps).toEqual([{ message: 'no such item' }, { message: 'failure: injected fault' }]);
    client.close();
  });

  it('splitTerminatorMs: the final zero byte arrives in a later write', async () => {
    emulator = await startEmulator({ faults: { splitTerminatorMs: 150 } });
    const client = await loggedIn(emulator);
    const socket = connect({ host: '127.0.0.1', port: emulator.port });
    const chunks: { at: number; bytes: Buffer }[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push({ at: Date.now(), bytes: chunk }));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(encodeSentence(['/login', '=name=admin', '=password=']));
    await new Promise((resolve) => setTimeout(resolve, 400));
    socket.destroy();
    const expected = encodeSentence(['!done']);
    expect(Buffer.concat(chunks.map((chunk) => chunk.bytes))).toEqual(expected);
    expect(chunks.length).toBe(2);
    expect(chunks[1]!.bytes).toEqual(Buffer.from([0]));
    expect(chunks[1]!.at - chunks[0]!.at).toBeGreaterThanOrEqual(100);
    client.close();
  });

  it('splitTerminatorMs reproduces the routeros-api stall (pitfall C3): the reply waits for the next sentence', async () => {
    emulator = await startEmulator();
    const api = await connectRos(emulator);
    emulator.faults.set({ splitTerminatorMs: 100 });
    let settled = false;
    const stuck = api.write('/system/identity/print').then((rows) => {
      settled = true;
      return rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    emulator.faults.clear();
    const next = api.write('/system/resource/print');
    expect(await stuck).toEqual([{ name: 'MikroTik' }]);
    expect(await next).toHaveLength(1);
    await closeRos(api);
  });

  it('unknownReplyWord: a sentence with an unknown reply word precedes the reply', async () => {
    emulator = await startEmulator({ faults: { unknownReplyWord: { nth: 1, word: '!bogus' } } });
    const client = await loggedIn(emulator);
    const reply = await client.command(['/system/identity/print']);
    expect(reply.sentences[0]).toEqual(['!bogus', `.tag=${reply.tag}`]);
    expect(reply.re).toEqual([{ name: 'MikroTik' }]);
    client.close();
  });

  it('unknownTagReply: a !done for a tag nobody used arrives before the real reply', async () => {
    emulator = await startEmulator({ faults: { unknownTagReply: { nth: 1, tag: 'ghost' } } });
    const client = await loggedIn(emulator);
    const start = client.received.length;
    await client.command(['/system/identity/print']);
    expect(client.received[start]).toEqual(['!done', '.tag=ghost']);
    client.close();
  });

  it('rejectLogin: correct credentials are refused with the version text', async () => {
    emulator = await startEmulator({ rosVersion: '7.16', faults: { rejectLogin: true } });
    const client = await connectRawClient({ port: emulator.port });
    expect((await client.login()).traps).toEqual([{ message: 'invalid user name or password (6)' }]);
    client.close();
    await expect(connectRos(emulator)).rejects.toMatchObject({ errno: 'CANTLOGIN' });
  });

  it('ignoreKeepalive: # is never answered, other commands are', async () => {
    emulator = await startEmulator({ faults: { ignoreKeepalive: true } });
    const client = await loggedIn(emulator);
    await expect(client.command(['#'], 200)).rejects.toThrow(/timed out/);
    expect((await client.command(['/system/identity/print'])).re).toHaveLength(1);
    client.close();
  });

  it('match restricts the counted commands', async () => {
    emulator = await startEmulator({ faults: { match: '/ppp/secret/add', trapOnWrite: 1 } });
    const client = await loggedIn(emulator);
    expect((await client.command(['/queue/simple/add', '=name=q'])).traps).toEqual([]);
    expect((await client.command(['/ppp/secret/add', '=name=s'])).traps).toEqual([
      { message: 'failure: injected fault' },
    ]);
    expect((await client.command(['/ppp/secret/add', '=name=s'])).traps).toEqual([]);
    client.close();
  });

  it('operator drift: a technician edits, deletes and adds rows between calls', async () => {
    emulator = await startEmulator();
    const api = await connectRos(emulator);
    const [added] = await api.write('/ip/firewall/address-list/add', [
      '=list=plan-a',
      '=address=10.0.0.5',
      '=comment=isp:1',
    ]);
    const id = String(added!.ret);
    expect(emulator.operator.set('/ip/firewall/address-list', id, { list: 'plan-b' }).ok).toBe(true);
    expect((await api.write('/ip/firewall/address-list/print', [`?.id=${id}`]))[0]!.list).toBe('plan-b');
    const foreign = emulator.operator.add('/ip/firewall/address-list', {
      list: 'plan-a',
      address: '10.0.0.99',
      comment: 'tech',
    });
    expect(foreign).toMatchObject({ ok: true, id: expect.stringMatching(/^\*/) });
    expect(emulator.operator.remove('/ip/firewall/address-list', id).ok).toBe(true);
    expect(await api.write('/ip/firewall/address-list/print', ['?comment=isp:1'])).toEqual([]);
    expect(
      emulator.operator.add('/ip/firewall/address-list', { list: 'plan-a', address: '10.0.0.99' }),
    ).toEqual({
      ok: false,
      traps: [{ message: 'failure: already have such entry' }],
    });
    expect(emulator.operator.run('/nowhere', 'print')).toMatchObject({ ok: false });
    await closeRos(api);
  });

  it('sentence log records what clients sent, redacts secrets, can be cleared and is bounded', async () => {
    emulator = await startEmulator({ sentenceLog: { maxEntries: 5 } });
    const client = await loggedIn(emulator);
    await client.command(['/ppp/secret/add', '=name=x', '=password=hunter2']);
    const logged = emulator.sentences.list();
    expect(logged[0]!.words).toEqual(['/login', '=name=admin', '=password=***', '.tag=t1']);
    expect(logged[1]!.words).toEqual(['/ppp/secret/add', '=name=x', '=password=***', '.tag=t2']);
    expect(JSON.stringify(logged)).not.toContain('hunter2');
    for (let i = 0; i < 10; i++) await client.command(['/system/identity/print']);
    expect(emulator.sentences.list()).toHaveLength(5);
    expect(emulator.sentences.dropped()).toBe(7);
    emulator.sentences.clear();
    expect(emulator.sentences.list()).toEqual([]);
    client.close();
  });
});
