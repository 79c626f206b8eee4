// Thousands of hostile connections opened and dropped while a well-behaved client keeps working: random
// byte streams, truncated and oversized words, floods before login, idle sockets. The server must stay up,
// keep answering the good client, close every hostile connection and keep its heap bounded.
// ISP_HOSTILE_CONNECTIONS sets the count (default 600; scripts/fuzz-all.mjs runs 5,000) and ISP_FUZZ_REPORT
// receives the measured figures as one JSON line.
import { appendFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, encodeSentence, encodeWord, startEmulator } from '../../src/index';
import { connectRawClient, type RawClient } from '../../src/testing/index';

const CONNECTIONS = Math.max(100, Number(process.env['ISP_HOSTILE_CONNECTIONS'] ?? 600) || 600);
const WAVE = 100;

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    cost: { maxSessions: 2 * WAVE + 10 },
    limits: { maxWordBytes: 64 * 1024, maxSentenceBytes: 256 * 1024, maxOutputBytes: 512 * 1024 },
  });
  for (let i = 0; i < 200; i++)
    emulator.operator.add('/ip/firewall/address-list', { list: 'big', address: `10.2.${i >> 8}.${i & 255}` });
});
afterAll(async () => {
  await emulator.close();
});

function open(): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: emulator.port });
    socket.on('error', () => resolve(undefined));
    socket.once('connect', () => resolve(socket));
  });
}

/** What one hostile connection does before it hangs up. */
type Behaviour =
  | { kind: 'random'; bytes: Uint8Array }
  | { kind: 'truncated'; cut: number }
  | { kind: 'oversized' }
  | { kind: 'flood'; count: number }
  | { kind: 'idle' };

const behaviour: fc.Arbitrary<Behaviour> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 256 }).map((bytes) => ({ kind: 'random' as const, bytes })),
  fc.nat(40).map((cut) => ({ kind: 'truncated' as const, cut })),
  fc.constant({ kind: 'oversized' as const }),
  fc.integer({ min: 10, max: 80 }).map((count) => ({ kind: 'flood' as const, count })),
  fc.constant({ kind: 'idle' as const }),
);

function act(socket: Socket, b: Behaviour): void {
  switch (b.kind) {
    case 'random':
      socket.write(b.bytes);
      break;
    case 'truncated': {
      const s = encodeSentence(['/login', '=name=admin', `=password=${'p'.repeat(b.cut * 10)}`]);
      socket.write(s.subarray(0, Math.max(1, s.length - 1 - b.cut)));
      break;
    }
    case 'oversized':
      // A word announced at 16 MiB, far above the 64 KiB limit, then some of its bytes.
      socket.write(Buffer.concat([Buffer.from([0xe1, 0x00, 0x00, 0x00]), Buffer.alloc(4096, 0x41)]));
      break;
    case 'flood':
      for (let i = 0; i < b.count; i++) socket.write(encodeSentence(['/queue/simple/print', `.tag=${i}`]));
      break;
    case 'idle':
      break;
  }
}

async function heapMb(gc: () => void): Promise<number> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 10));
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

describe('connection churn under hostile clients', () => {
  it(`${CONNECTIONS} hostile connections: the server stays up, serves a good client and its heap stays bounded`, async () => {
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as () => void;
    const good: RawClient = await connectRawClient({ port: emulator.port, timeoutMs: 5000 });
    expect((await good.login()).traps).toEqual([]);
    const before = await heapMb(gc);
    let peak = before;
    const behaviours = fc.sample(behaviour, { numRuns: CONNECTIONS, seed: 20_261_123 });
    let goodReplies = 0;
    const started = Date.now();
    for (let wave = 0; wave < CONNECTIONS; wave += WAVE) {
      const sockets = await Promise.all(behaviours.slice(wave, wave + WAVE).map(() => open()));
      sockets.forEach((socket, i) => {
        if (socket !== undefined) act(socket, behaviours[wave + i]!);
      });
      // The good client is answered while the wave is connected.
      const reply = await good.command(['/ip/firewall/address-list/print', '?list=big', '=count-only=']);
      expect(reply.traps).toEqual([]);
      goodReplies += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      for (const socket of sockets) socket?.destroy();
      peak = Math.max(peak, process.memoryUsage().heapUsed / 1048576);
    }
    const deadline = Date.now() + 10_000;
    while (emulator.connectionCount() > 1 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(emulator.connectionCount()).toBe(1);
    expect((await good.command(['/system/identity/print'])).re).toEqual([{ name: 'MikroTik' }]);
    good.close();
    const after = await heapMb(gc);
    const stats = emulator.stats();
    const figures = {
      kind: 'emulator-memory',
      connections: CONNECTIONS,
      opened: stats.connections.opened,
      protocolErrors: stats.protocolErrors,
      goodReplies,
      seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
      heapBeforeMb: Number(before.toFixed(1)),
      heapPeakMb: Number(peak.toFixed(1)),
      heapAfterMb: Number(after.toFixed(1)),
      heapGrowthMb: Number((after - before).toFixed(1)),
    };
    process.stdout.write(`connection churn: ${JSON.stringify(figures)}\n`);
    const report = process.env['ISP_FUZZ_REPORT'];
    if (report !== undefined && report !== '') appendFileSync(report, `${JSON.stringify(figures)}\n`);
    expect(stats.connections.opened).toBeGreaterThanOrEqual(CONNECTIONS);
    // Bounded: what is left after the churn does not grow with the number of connections.
    expect(after - before).toBeLessThan(32);
  }, 120_000);

  it('a word whose prefix promises more bytes than ever arrive is dropped on hang-up', async () => {
    const socket = await open();
    socket!.write(encodeWord('x'.repeat(1000)).subarray(0, 500));
    socket!.destroy();
    const client = await connectRawClient({ port: emulator.port, timeoutMs: 3000 });
    expect((await client.login()).traps).toEqual([]);
    client.close();
  });
});
