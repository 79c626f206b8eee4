/**
 * The emulator's own process: one RouterOS emulator per child process, so that the router's timers run on
 * their own event loop (and core) and the client's memory figures do not include the router's tables.
 * Driven over the IPC channel by `RemoteEmulator`.
 */
import {
  type CostModelInput,
  type Emulator,
  type FaultPlan,
  type StateSnapshot,
  startEmulator,
} from '@isp/routeros-emulator';
import type { HostRequest, HostResponse, OperatorOp, OperatorOpResult } from './emulator-protocol.js';

let emulator: Emulator | undefined;

function need(): Emulator {
  if (emulator === undefined) throw new Error('emulator not started');
  return emulator;
}

function runOps(ops: readonly OperatorOp[]): OperatorOpResult[] {
  const em = need();
  return ops.map((op) => {
    const result =
      op.op === 'add'
        ? em.operator.add(op.menu, op.attributes ?? {})
        : op.op === 'set'
          ? em.operator.set(op.menu, op.id ?? '', op.attributes ?? {})
          : em.operator.remove(op.menu, op.id ?? '');
    return result.ok
      ? { ok: true, ...(result.id === undefined ? {} : { id: result.id }) }
      : { ok: false, message: result.traps.map((t) => t.message).join('; ') };
  });
}

async function handle(request: HostRequest): Promise<unknown> {
  switch (request.method) {
    case 'start': {
      emulator = await startEmulator({
        host: '127.0.0.1',
        port: 0,
        cost: request.cost,
        limits: { maxOutputBytes: 512 * 1024 * 1024, maxPendingBytes: 128 * 1024 * 1024 },
        sentenceLog: { maxEntries: 0, maxBytes: 0 },
      });
      return { port: emulator.port };
    }
    case 'setCost':
      need().setCost(request.cost as CostModelInput);
      return need().cost();
    case 'cost':
      return need().cost();
    case 'stats':
      return need().stats();
    case 'resetStats':
      need().resetStats();
      return null;
    case 'reset':
      need().reset();
      return null;
    case 'seed':
      return need().seed(request.snapshot as StateSnapshot);
    case 'snapshot':
      return need().snapshot();
    case 'rows':
      return need().rows(request.menu);
    case 'operator':
      return runOps(request.ops);
    case 'faults':
      need().faults.set(request.plan as FaultPlan);
      return null;
    case 'connections':
      return need().connectionCount();
    case 'memory':
      return process.memoryUsage();
    case 'close':
      await emulator?.close();
      emulator = undefined;
      return null;
  }
}

process.on('message', (message: HostRequest) => {
  handle(message).then(
    (result) => process.send?.({ id: message.id, ok: true, result } satisfies HostResponse),
    (error: unknown) =>
      process.send?.({
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies HostResponse),
  );
});
process.on('disconnect', () => {
  void emulator?.close().finally(() => process.exit(0));
  if (emulator === undefined) process.exit(0);
});
