import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../src/index';
import { connectRawClient, type RawClient } from '../../src/testing/index';

let emulator: Emulator | undefined;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await emulator?.close();
  emulator = undefined;
});

async function client(e: Emulator, login = true): Promise<RawClient> {
  const c = await connectRawClient({ port: e.port, timeoutMs: 5000 });
  clients.push(c);
  if (login) await c.login();
  return c;
}

describe('cost model', () => {
  it('serial worker: concurrent commands queue behind each other; busy time adds up', async () => {
    emulator = await startEmulator({ cost: { serviceMs: { print: 10 } } });
    const c = await client(emulator);
    emulator.resetStats();
    const started = performance.now();
    await Promise.all(Array.from({ length: 10 }, () => c.command(['/system/identity/print'])));
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(emulator.stats().busyMs).toBeCloseTo(100, 5);
    expect(emulator.stats().maxInFlight).toBeGreaterThanOrEqual(9);
  });

  it('parallel workers: the same commands overlap', async () => {
    emulator = await startEmulator({ cost: { serviceMs: { print: 60 }, workers: 'parallel' } });
    const c = await client(emulator);
    emulator.resetStats();
    const started = performance.now();
    await Promise.all(Array.from({ length: 10 }, () => c.command(['/system/identity/print'])));
    expect(performance.now() - started).toBeLessThan(400);
    expect(emulator.stats().busyMs).toBeCloseTo(600, 5);
  });

  it('one-way delay applies to each direction', async () => {
    emulator = await startEmulator({ cost: { oneWayDelayMs: 30 } });
    const c = await client(emulator);
    const started = performance.now();
    await c.command(['/system/identity/print']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(58);
  });

  it('bulk print costs r per returned row; filtered print q0 + q1 × table rows', async () => {
    emulator = await startEmulator({
      cost: { printPerRowMs: 0.5, filteredPrintBaseMs: 2, filteredPrintPerRowMs: 0.1 },
    });
    for (let i = 0; i < 40; i++)
      emulator.operator.add('/ip/firewall/address-list', { list: 'l', address: `10.0.0.${i}` });
    const c = await client(emulator);
    emulator.resetStats();
    await c.command(['/ip/firewall/address-list/print']);
    expect(emulator.stats().busyMs).toBeCloseTo(40 * 0.5, 5);
    emulator.resetStats();
    await c.command(['/ip/firewall/address-list/print', '?address=10.0.0.7']);
    expect(emulator.stats().busyMs).toBeCloseTo(2 + 40 * 0.1 + 1 * 0.5, 5);
  });

  it('connect and login costs delay the first reply', async () => {
    emulator = await startEmulator({ cost: { connectMs: 40, loginMs: 40 } });
    const started = performance.now();
    const c = await client(emulator, false);
    await c.login();
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    expect(emulator.stats().busyMs).toBeCloseTo(40, 5);
  });

  it('maxSessions closes connections beyond the limit', async () => {
    emulator = await startEmulator({ cost: { maxSessions: 2 } });
    await client(emulator);
    await client(emulator);
    const third = await connectRawClient({ port: emulator.port, timeoutMs: 1000 });
    await third.waitClosed();
    expect(emulator.stats().connections).toMatchObject({ rejected: 1, current: 2 });
  });

  it('setCost changes the model at run time; stats count commands, sentences and bytes', async () => {
    emulator = await startEmulator();
    const c = await client(emulator);
    emulator.setCost({ serviceMs: 1 });
    expect(emulator.cost().serviceMs).toEqual({ print: 1, add: 1, set: 1, remove: 1, other: 1 });
    emulator.resetStats();
    const added = await c.command(['/ppp/profile/add', '=name=a']);
    await c.command(['/ppp/profile/set', `=.id=${added.done.ret}`, '=rate-limit=1M/1M']);
    await c.command(['/ppp/profile/print']);
    await c.command(['/ppp/profile/remove', `=.id=${added.done.ret}`]);
    await c.command(['/nowhere/print']);
    const stats = emulator.stats();
    expect(stats.commands).toEqual({ print: 1, add: 1, set: 1, remove: 1, other: 1, total: 5 });
    expect(stats.sentencesIn).toBe(5);
    // add, set, remove: one !done each; print: 3 !re + !done; unknown menu: 2 !trap + !done
    expect(stats.sentencesOut).toBe(3 + 4 + 3);
    expect(stats.bytesIn).toBeGreaterThan(50);
    expect(stats.bytesOut).toBeGreaterThan(stats.bytesIn);
    expect(stats.busyMs).toBeCloseTo(5, 5);
    expect(stats.logins.succeeded).toBe(0);
    expect(emulator.stats().connections.current).toBe(1);
  });

  it('ignores invalid cost values', () => {
    return startEmulator({ cost: { serviceMs: -5, oneWayDelayMs: Number.NaN } }).then(async (e) => {
      expect(e.cost().serviceMs.print).toBe(0);
      expect(e.cost().oneWayDelayMs).toBe(0);
      await e.close();
    });
  });
});
