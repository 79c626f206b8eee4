import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../src/index';
import { connectRawClient } from '../../src/testing/index';
import { closeRos, connectRos } from '../helpers/ros-client';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('!empty by version', () => {
  it.each([
    ['6.49', false],
    ['7.16', false],
    ['7.17', false],
    ['7.18', true],
    ['7.19', true],
  ])('RouterOS %s sends !empty for an empty print: %s', async (rosVersion, expected) => {
    emulator = await startEmulator({ rosVersion });
    const client = await connectRawClient({ port: emulator.port });
    await client.login();
    const reply = await client.command(['/queue/simple/print', '?name=nobody']);
    expect(reply.empty).toBe(expected);
    expect(reply.sentences.map((words) => words[0])).toEqual(expected ? ['!empty', '!done'] : ['!done']);
    expect(reply.sentences.every((words) => words.includes(`.tag=${reply.tag}`))).toBe(true);
    const nonEmpty = await client.command(['/queue/type/print', '?name=default']);
    expect(nonEmpty.empty).toBe(false);
    const write = await client.command(['/ip/firewall/address-list/add', '=list=a', '=address=10.0.0.1']);
    expect(write.empty).toBe(false);
    client.close();
  });

  it('routeros-api 1.0.2 resolves an empty print on 7.18 with []', async () => {
    emulator = await startEmulator({ rosVersion: '7.18' });
    const api = await connectRos(emulator);
    expect(await api.write('/ppp/secret/print')).toEqual([]);
    await closeRos(api);
  });
});

describe('tags and concurrency', () => {
  it('1,000 concurrent tagged commands through routeros-api all resolve with their own replies', async () => {
    emulator = await startEmulator({ cost: { oneWayDelayMs: 1 } });
    const seededIds: string[] = [];
    for (let i = 0; i < 500; i++) {
      const result = emulator.operator.add('/ip/firewall/address-list', {
        list: 'seeded',
        address: `10.30.${i >> 8}.${i & 255}`,
        comment: `s${i}`,
      });
      if (result.ok && result.id) seededIds.push(result.id);
    }
    const api = await connectRos(emulator);
    const adds = Array.from({ length: 500 }, (_, i) =>
      api.write('/ip/firewall/address-list/add', [
        '=list=bulk',
        `=address=10.20.${i >> 8}.${i & 255}`,
        `=comment=c${i}`,
      ]),
    );
    const prints = Array.from({ length: 500 }, (_, i) =>
      api.write('/ip/firewall/address-list/print', [`?comment=s${i}`, '=.proplist=.id,comment']),
    );
    const [added, printed] = await Promise.all([Promise.all(adds), Promise.all(prints)]);
    const ids = added.map((reply) => reply[0]!.ret);
    expect(new Set(ids).size).toBe(500);
    printed.forEach((rows, i) => {
      expect(rows).toEqual([{ '.id': seededIds[i], comment: `s${i}` }]);
    });
    const byId = new Map(emulator.rows('/ip/firewall/address-list').map((row) => [row['.id'], row.comment]));
    for (const [i, id] of ids.entries()) expect(byId.get(String(id))).toBe(`c${i}`);
    expect(emulator.stats().maxInFlight).toBeGreaterThan(100);
    expect(emulator.stats().commands.add).toBe(500);
    await closeRos(api);
  });

  it('every reply sentence carries the tag; untagged commands get untagged replies', async () => {
    emulator = await startEmulator();
    const client = await connectRawClient({ port: emulator.port });
    await client.login();
    const tagged = await client.command(['/queue/type/print', '?kind=pcq']);
    expect(tagged.sentences).toHaveLength(3);
    expect(tagged.sentences.every((words) => words.at(-1) === `.tag=${tagged.tag}`)).toBe(true);
    const start = client.received.length;
    client.send(['/system/identity/print']);
    const done = await client.waitFor((words) => words[0] === '!done', 1000, start);
    expect(done).toEqual(['!done']);
    expect(client.received.slice(start)).toEqual([['!re', '=name=MikroTik'], ['!done']]);
    client.close();
  });

  it('the tag may come first; words are opaque bytes echoed back unchanged', async () => {
    emulator = await startEmulator();
    const client = await connectRawClient({ port: emulator.port });
    await client.login();
    const latin1 = 'Jos\u00e9 \u00c1vila \u00ff';
    client.send(['/ppp/secret/add', '.tag=first', '=name=jose', `=comment=${latin1}`]);
    await client.waitFor((words) => words[0] === '!done' && words.includes('.tag=first'));
    const reply = await client.command(['/ppp/secret/print', '?name=jose', '=.proplist=comment']);
    expect(reply.re).toEqual([{ comment: latin1 }]);
    client.close();
  });

  it('# keep-alive gets a tagged !done, and routeros-api keepalive pings are answered', async () => {
    emulator = await startEmulator();
    const client = await connectRawClient({ port: emulator.port });
    await client.login();
    const reply = await client.command(['#']);
    expect(reply.sentences).toEqual([['!done', `.tag=${reply.tag}`]]);
    client.close();
  });

  it('/quit gets !fatal session terminated on request and the socket closes', async () => {
    emulator = await startEmulator();
    const client = await connectRawClient({ port: emulator.port });
    await client.login();
    client.send(['/quit']);
    await client.waitClosed();
    expect(client.received.at(-1)).toEqual(['!fatal', 'session terminated on request']);
  });

  it('a command before login is refused with a trap', async () => {
    emulator = await startEmulator();
    const client = await connectRawClient({ port: emulator.port });
    const reply = await client.command(['/queue/simple/print']);
    expect(reply.traps).toEqual([{ message: 'not logged in' }]);
    client.close();
  });
});

describe('API-SSL', () => {
  it('serves TLS with the bundled test certificate to routeros-api', async () => {
    emulator = await startEmulator({ tls: true });
    expect(emulator.tls).toBe(true);
    const api = await connectRos(emulator);
    expect(await api.write('/system/identity/print')).toEqual([{ name: 'MikroTik' }]);
    await closeRos(api);
  });

  it('accepts a user-supplied key and certificate', async () => {
    const { TEST_TLS_CERT, TEST_TLS_KEY } = await import('../../src/index');
    emulator = await startEmulator({ tls: { key: TEST_TLS_KEY, cert: TEST_TLS_CERT } });
    const client = await connectRawClient({ port: emulator.port, tls: true });
    expect((await client.login()).traps).toEqual([]);
    client.close();
  });
});
