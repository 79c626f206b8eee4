// A TCP proxy on 127.0.0.1 between the adapter and an emulator that corrupts the router's replies: flips
// bytes, cuts a reply short and hangs up, sends a chunk twice, or injects garbage. The plan of what to do to
// the Nth reply chunk comes from fast-check, so a failing run replays from its seed.
import { connect, createServer, type Server, type Socket } from 'node:net';
import fc from 'fast-check';

export type Corruption =
  | { readonly kind: 'pass' }
  | { readonly kind: 'flip'; readonly at: number; readonly mask: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'garbage'; readonly bytes: Uint8Array };

/** What happens to successive reply chunks (mostly nothing: a router that is only sometimes broken). */
export const corruptionPlan = (): fc.Arbitrary<Corruption[]> =>
  fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constant<Corruption>({ kind: 'pass' }) },
      {
        weight: 2,
        arbitrary: fc
          .record({ at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) })
          .map((r): Corruption => ({ kind: 'flip', ...r })),
      },
      { weight: 1, arbitrary: fc.nat().map((at): Corruption => ({ kind: 'truncate', at })) },
      { weight: 1, arbitrary: fc.constant<Corruption>({ kind: 'duplicate' }) },
      {
        weight: 1,
        arbitrary: fc
          .uint8Array({ minLength: 1, maxLength: 16 })
          .map((bytes): Corruption => ({ kind: 'garbage', bytes })),
      },
    ),
    { minLength: 1, maxLength: 40 },
  );

export interface CorruptingProxy {
  readonly port: number;
  /** Corrupt the following reply chunks by this plan (cycled); an empty plan passes everything. */
  setPlan(plan: readonly Corruption[]): void;
  /** Reply chunks corrupted so far. */
  corrupted(): number;
  /** Drops every proxied connection. */
  dropAll(): void;
  close(): Promise<void>;
}

export async function startCorruptingProxy(targetPort: number): Promise<CorruptingProxy> {
  let plan: readonly Corruption[] = [];
  let chunk = 0;
  let corrupted = 0;
  const sockets = new Set<Socket>();
  const corrupt = (data: Buffer, downstream: Socket, upstream: Socket): void => {
    const step = plan.length === 0 ? ({ kind: 'pass' } as const) : plan[chunk % plan.length]!;
    chunk += 1;
    if (step.kind !== 'pass') corrupted += 1;
    switch (step.kind) {
      case 'pass':
        downstream.write(data);
        return;
      case 'flip': {
        const copy = Buffer.from(data);
        const i = step.at % copy.length;
        copy[i] = copy[i]! ^ step.mask;
        downstream.write(copy);
        return;
      }
      case 'truncate':
        downstream.write(data.subarray(0, step.at % data.length));
        downstream.destroy();
        upstream.destroy();
        return;
      case 'duplicate':
        downstream.write(data);
        downstream.write(data);
        return;
      case 'garbage':
        downstream.write(Buffer.concat([Buffer.from(step.bytes), data]));
        return;
    }
  };
  const server: Server = createServer((client) => {
    const router = connect({ host: '127.0.0.1', port: targetPort });
    sockets.add(client);
    sockets.add(router);
    const end = (): void => {
      client.destroy();
      router.destroy();
      sockets.delete(client);
      sockets.delete(router);
    };
    client.on('error', end);
    router.on('error', end);
    client.on('close', end);
    router.on('close', end);
    client.on('data', (data) => router.write(data));
    router.on('data', (data) => corrupt(data, client, router));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy did not bind');
  return {
    port: address.port,
    setPlan(next) {
      plan = next;
      chunk = 0;
    },
    corrupted: () => corrupted,
    dropAll() {
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
