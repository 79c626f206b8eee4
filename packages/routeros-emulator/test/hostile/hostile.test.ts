import { connect, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, encodeSentence, encodeWord, startEmulator } from '../../src/index';
import { connectRawClient } from '../../src/testing/index';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    cost: { maxSessions: 1000 },
    limits: { maxWordBytes: 64 * 1024, maxSentenceBytes: 256 * 1024, maxOutputBytes: 512 * 1024 },
  });
  for (let i = 0; i < 300; i++)
    emulator.operator.add('/ip/firewall/address-list', { list: 'big', address: `10.1.${i >> 8}.${i & 255}` });
});
afterAll(async () => {
  await emulator.close();
});

function rawSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: emulator.port }, () => resolve(socket));
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  if (socket.destroyed || socket.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stillServes(): Promise<void> {
  const client = await connectRawClient({ port: emulator.port, timeoutMs: 3000 });
  expect((await client.login()).traps).toEqual([]);
  expect((await client.command(['/system/identity/print'])).re).toEqual([{ name: 'MikroTik' }]);
  client.close();
}

describe('hostile clients', () => {
  it('a reserved control byte (>= 0xF8) gets a clean disconnect', async () => {
    const socket = await rawSocket();
    socket.write(Buffer.from([0xf8, 0x01, 0x02]));
    expect(await closedWithin(socket, 2000)).toBe(true);
    expect(emulator.stats().protocolErrors).toBeGreaterThan(0);
    await stillServes();
  });

  it('a huge length prefix is refused at once, without buffering', async () => {
    const socket = await rawSocket();
    socket.write(Buffer.from([0xf0, 0x7f, 0xff, 0xff, 0xff, 0x41, 0x41]));
    expect(await closedWithin(socket, 2000)).toBe(true);
    await stillServes();
  });

  it('truncated words and half sentences followed by a hang-up leave nothing behind', async () => {
    for (let i = 0; i < 20; i++) {
      const socket = await rawSocket();
      const sentence = encodeSentence(['/login', '=name=admin', `=password=${'x'.repeat(i * 50)}`]);
      socket.write(sentence.subarray(0, Math.max(1, sentence.length - 3 - i)));
      socket.destroy();
    }
    await stillServes();
  });

  it('a flood of sentences before login gets !fatal and a close', async () => {
    const client = await connectRawClient({ port: emulator.port, timeoutMs: 3000 });
    for (let i = 0; i < 200; i++) client.send(['/queue/simple/print', `.tag=${i}`]);
    await client.waitClosed();
    expect(client.received.at(-1)).toEqual(['!fatal', 'too many commands before login']);
    expect(client.received.filter((words) => words[0] === '!done').length).toBeLessThanOrEqual(32);
    await stillServes();
  });

  it('a client that never reads its replies is dropped once its output backlog passes the cap', async () => {
    const socket = await rawSocket();
    socket.pause();
    socket.write(encodeSentence(['/login', '=name=admin', '=password=']));
    for (let i = 0; i < 400; i++)
      socket.write(encodeSentence(['/ip/firewall/address-list/print', `.tag=${i}`]));
    const deadline = Date.now() + 5000;
    while (emulator.connectionCount() > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(emulator.connectionCount()).toBe(0);
    socket.destroy();
    await stillServes();
  });

  it('random byte streams never crash the server', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 512 }), { minLength: 1, maxLength: 8 }),
        async (chunks) => {
          const socket = await rawSocket();
          for (const chunk of chunks) socket.write(chunk);
          await new Promise((resolve) => setTimeout(resolve, 2));
          socket.destroy();
        },
      ),
      { numRuns: 60 },
    );
    await stillServes();
  });

  it('valid framing with garbage words gets RouterOS answers, not a crash', async () => {
    const client = await connectRawClient({ port: emulator.port, timeoutMs: 3000 });
    await client.login();
    for (const words of [
      ['/'],
      ['no-slash'],
      ['/queue'],
      ['/queue/simple/print', '?#zz'],
      ['/queue/simple/add', '=', '=='],
      ['!done'],
    ]) {
      const reply = await client.command(words);
      expect(reply.sentences.at(-1)?.[0]).toBe('!done');
    }
    client.close();
  });

  it('many connections opened and dropped: the server stays up and memory stays bounded', async () => {
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage();
    for (let round = 0; round < 10; round++) {
      const sockets = await Promise.all(Array.from({ length: 50 }, () => rawSocket()));
      for (const [i, socket] of sockets.entries()) {
        socket.write(
          Buffer.concat([encodeWord('/login'), encodeWord('x'.repeat(i * 100)), Buffer.from([0xe0, 0x00])]),
        );
        socket.write(Buffer.alloc(32 * 1024, 0x41));
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (const socket of sockets) socket.destroy();
    }
    const deadline = Date.now() + 5000;
    while (emulator.connectionCount() > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(emulator.connectionCount()).toBe(0);
    gc();
    const after = process.memoryUsage();
    const heapGrowthMb = (after.heapUsed - before.heapUsed) / 1024 / 1024;
    const rssGrowthMb = (after.rss - before.rss) / 1024 / 1024;
    process.stdout.write(
      `hostile-client memory: heap ${(before.heapUsed / 1048576).toFixed(1)} → ${(after.heapUsed / 1048576).toFixed(1)} MB (Δ ${heapGrowthMb.toFixed(1)} MB), rss Δ ${rssGrowthMb.toFixed(1)} MB, ${emulator.stats().connections.opened} connections opened\n`,
    );
    expect(heapGrowthMb).toBeLessThan(64);
    await stillServes();
  });
});
