import { type Emulator, startEmulator } from '@isp/routeros-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RouterError } from '../../src/errors.js';
import { LOOPBACK_ONLY, TEST_TRANSPORT } from '../../src/testing/index.js';
import { createApiConnection } from '../../src/transport/api-connection.js';
import type { TransportOptions } from '../../src/transport/connection-settings.js';
import type { RouterConnection } from '../../src/transport/router-connection.js';

const PASSWORD = 'S3cret-Router-Pw';

let emulator: Emulator;
const open: RouterConnection[] = [];

function connect(
  overrides: TransportOptions & {
    port?: number;
    password?: string;
    tls?: boolean;
    allowSelfSigned?: boolean;
    host?: string;
  } = {},
): RouterConnection {
  const connection = createApiConnection({
    ...TEST_TRANSPORT,
    callTimeoutMs: 800,
    ...overrides,
    routerId: 'r1',
    allowedHosts: LOOPBACK_ONLY,
    settings: {
      host: overrides.host ?? '127.0.0.1',
      port: overrides.port ?? emulator.port,
      user: 'admin',
      password: overrides.password ?? PASSWORD,
      ...(overrides.tls === true ? { tls: { allowSelfSigned: overrides.allowSelfSigned === true } } : {}),
    },
  });
  open.push(connection);
  return connection;
}

async function expectError(connection: RouterConnection, words: string[]): Promise<RouterError> {
  const result = await connection.command(words);
  expect(result.isErr(), `expected ${words[0]} to fail`).toBe(true);
  return result._unsafeUnwrapErr();
}

async function identity(connection: RouterConnection): Promise<string | undefined> {
  const result = await connection.command(['/system/identity/print']);
  expect(result.isOk(), result.isErr() ? result.error.message : '').toBe(true);
  return result._unsafeUnwrap()[0]?.['name'];
}

beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', password: PASSWORD, rosVersion: '7.18' });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(async () => {
  emulator.faults.clear();
  emulator.reset();
  await Promise.all(open.splice(0).map((c) => c.close()));
});

describe('transport over routeros-api', () => {
  it('keeps every value a string (no numeric or boolean coercion)', async () => {
    const c = connect();
    const added = await c.command([
      '/queue/simple/add',
      '=name=007',
      '=target=10.0.0.7/32',
      '=comment=123456',
    ]);
    expect(added.isOk()).toBe(true);
    expect(added._unsafeUnwrap()[0]?.['ret']).toMatch(/^\*[0-9A-F]+$/);
    const rows = (
      await c.command(['/queue/simple/print', '=.proplist=.id,name,comment,disabled'])
    )._unsafeUnwrap();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: '007', comment: '123456', disabled: 'false' });
  });

  it('maps traps by the catalogue', async () => {
    const c = connect();
    await c.command(['/ip/firewall/address-list/add', '=list=morosos', '=address=10.0.0.9']);
    const duplicate = await expectError(c, [
      '/ip/firewall/address-list/add',
      '=list=morosos',
      '=address=10.0.0.9',
    ]);
    expect(duplicate).toMatchObject({
      type: 'RouterTrap',
      category: 'duplicate',
      command: '/ip/firewall/address-list/add',
    });
    const missing = await expectError(c, ['/ip/firewall/address-list/remove', '=.id=*FFFF']);
    expect(missing).toMatchObject({ type: 'RouterTrap', category: 'no-such-item' });
    const unknown = await expectError(c, ['/queue/simple/add', '=name=x', '=target=10.0.0.1/32', '=bogus=1']);
    expect(unknown).toMatchObject({ type: 'RouterTrap', category: 'unknown-parameter' });
  });

  it('multiplexes hundreds of concurrent commands by tag, within the window', async () => {
    const c = connect({ maxInFlight: 8 });
    for (let i = 0; i < 20; i++)
      emulator.operator.add('/queue/simple', { name: `q${i}`, target: `10.0.1.${i + 1}/32` });
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        c.command(['/queue/simple/print', `?name=q${i % 20}`, '=.proplist=name,target']),
      ),
    );
    results.forEach((r, i) => {
      expect(r._unsafeUnwrap()).toEqual([{ name: `q${i % 20}`, target: `10.0.1.${(i % 20) + 1}/32` }]);
    });
    emulator.setCost({ oneWayDelayMs: 2 });
    emulator.resetStats();
    await Promise.all(Array.from({ length: 64 }, () => c.command(['/system/identity/print'])));
    emulator.setCost({});
    expect(emulator.stats().maxInFlight).toBeGreaterThan(1);
    expect(emulator.stats().maxInFlight).toBeLessThanOrEqual(8);
  });

  it('fails the in-flight call when the router drops the socket, then reconnects', async () => {
    const c = connect({ callTimeoutMs: 5000 });
    expect(await identity(c)).toBeDefined();
    emulator.faults.set({ dropOnCommand: 1 });
    const started = Date.now();
    const error = await expectError(c, ['/queue/simple/print']);
    expect(error.type).toBe('ConnectionLost');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(await identity(c)).toBeDefined();
  });

  it('fails every in-flight call on !fatal, then reconnects', async () => {
    const c = connect({ callTimeoutMs: 5000 });
    expect(await identity(c)).toBeDefined();
    emulator.faults.set({ fatalOnCommand: { nth: 1, reason: 'going down' } });
    const error = await expectError(c, ['/queue/simple/print']);
    expect(error.type).toBe('ConnectionLost');
    expect(await identity(c)).toBeDefined();
  });

  it('contains a reply on an unknown tag as a ProtocolError (no crash) and recovers', async () => {
    const c = connect({ callTimeoutMs: 3000 });
    expect(await identity(c)).toBeDefined();
    emulator.faults.set({ unknownTagReply: 1 });
    const error = await expectError(c, ['/queue/simple/print']);
    expect(error.type).toBe('ProtocolError');
    expect(await identity(c)).toBeDefined();
  });

  it('contains an unknown reply word as a ProtocolError (no crash) and recovers', async () => {
    const c = connect({ callTimeoutMs: 3000 });
    expect(await identity(c)).toBeDefined();
    emulator.faults.set({ unknownReplyWord: { nth: 1, word: '!weird' } });
    const error = await expectError(c, ['/queue/simple/print']);
    expect(error.type).toBe('ProtocolError');
    expect(await identity(c)).toBeDefined();
  });

  it('never lets a call outlive its timeout, even when a reply terminator is held back', async () => {
    const c = connect({ callTimeoutMs: 300 });
    expect(await identity(c)).toBeDefined();
    emulator.faults.set({ splitTerminatorMs: 2000 });
    const started = Date.now();
    const result = await c.command(['/queue/simple/print']);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1500);
    if (result.isErr())
      expect(result.error).toMatchObject({ type: 'RouterTimeout', operation: '/queue/simple/print' });
  });

  it('surfaces an injected write trap and keeps the connection', async () => {
    const c = connect();
    emulator.faults.set({ trapOnWrite: { nth: 1, message: 'failure: injected fault' } });
    const error = await expectError(c, ['/queue/simple/add', '=name=a', '=target=10.0.0.1/32']);
    expect(error).toMatchObject({ type: 'RouterTrap', message: 'failure: injected fault' });
    expect(await identity(c)).toBeDefined();
  });

  it('reports a rejected login as RouterAuthFailed without the password', async () => {
    const c = connect({ password: 'Wrong-Pw-Value' });
    const error = await expectError(c, ['/system/identity/print']);
    expect(error.type).toBe('RouterAuthFailed');
    expect(JSON.stringify(error)).not.toContain('Wrong-Pw-Value');
    emulator.faults.set({ rejectLogin: true });
    const c2 = connect();
    const e2 = await expectError(c2, ['/system/identity/print']);
    expect(e2.type).toBe('RouterAuthFailed');
    expect(JSON.stringify(e2)).not.toContain(PASSWORD);
  });

  it('reports a closed port as RouterUnreachable after bounded retries', async () => {
    const probe = await startEmulator({ host: '127.0.0.1' });
    const port = probe.port;
    await probe.close();
    const c = connect({ port });
    const error = await expectError(c, ['/system/identity/print']);
    expect(error.type).toBe('RouterUnreachable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('refuses to dial a host outside the allowed list', async () => {
    const c = connect({ host: '10.1.2.3' });
    const error = await expectError(c, ['/system/identity/print']);
    expect(error.type).toBe('RouterUnreachable');
    expect(error.message).toContain('not in the allowed hosts');
  });

  it('survives idle periods with unanswered keepalives', async () => {
    const c = connect({ keepaliveMs: 150 });
    expect(await identity(c)).toBeDefined();
    emulator.faults.set({ ignoreKeepalive: true });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await identity(c)).toBeDefined();
  });

  it('fails in-flight and later calls with ConnectionLost once closed', async () => {
    const c = connect({ callTimeoutMs: 5000 });
    emulator.setCost({ oneWayDelayMs: 300 });
    const pending = c.command(['/system/identity/print']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await c.close();
    expect((await pending)._unsafeUnwrapErr().type).toBe('ConnectionLost');
    expect((await c.command(['/system/identity/print']))._unsafeUnwrapErr().type).toBe('ConnectionLost');
    emulator.setCost({});
  });

  it('verifies API-SSL certificates by default and accepts a self-signed one only when told', async () => {
    const tlsEmulator = await startEmulator({ host: '127.0.0.1', tls: true, password: PASSWORD });
    try {
      const strict = connect({ port: tlsEmulator.port, tls: true });
      const error = await expectError(strict, ['/system/identity/print']);
      expect(error.type).toBe('RouterUnreachable');
      expect(error.message).toContain('TLS');
      const relaxed = connect({ port: tlsEmulator.port, tls: true, allowSelfSigned: true });
      expect(await identity(relaxed)).toBeDefined();
    } finally {
      await Promise.all(open.splice(0).map((c) => c.close()));
      await tlsEmulator.close();
    }
  });

  it('closing while connecting leaves no connection behind', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = emulator.connectionCount();
    emulator.setCost({ loginMs: 200 });
    const c = connect({ callTimeoutMs: 3000 });
    const pending = c.command(['/system/identity/print']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await c.close();
    expect((await pending)._unsafeUnwrapErr().type).toBe('ConnectionLost');
    for (let i = 0; i < 30 && emulator.connectionCount() > before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    emulator.setCost({});
    expect(emulator.connectionCount()).toBeLessThanOrEqual(before);
  });
});
