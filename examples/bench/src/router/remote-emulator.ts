import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type {
  CostModel,
  CostModelInput,
  EmulatorStats,
  FaultPlan,
  StateSnapshot,
} from '@isp/routeros-emulator';
import type { HostRequest, HostResponse, OperatorOp, OperatorOpResult } from './emulator-protocol.js';

type Row = Readonly<Record<string, string>>;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

// Distributes Omit over the request union so each variant keeps its own fields.
type RequestBody = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never;

/** A RouterOS emulator running in its own process, on 127.0.0.1. */
export class RemoteEmulator {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private boundPort = 0;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: HostResponse) => this.onMessage(message));
    child.on('exit', () => this.onExit());
  }

  get port(): number {
    return this.boundPort;
  }

  /** Forks the emulator process and starts a server on a free loopback port. */
  static async start(cost: CostModelInput): Promise<RemoteEmulator> {
    const hostPath = fileURLToPath(new URL('./emulator-host.ts', import.meta.url));
    const child = fork(hostPath, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const remote = new RemoteEmulator(child);
    const started = await remote.call<{ port: number }>({
      method: 'start',
      cost: cost as Record<string, unknown>,
    });
    remote.boundPort = started.port;
    return remote;
  }

  private onMessage(message: HostResponse): void {
    const entry = this.pending.get(message.id);
    if (entry === undefined) return;
    this.pending.delete(message.id);
    if (message.ok) entry.resolve(message.result);
    else entry.reject(new Error(message.error));
  }

  private onExit(): void {
    for (const entry of this.pending.values()) entry.reject(new Error('emulator process exited'));
    this.pending.clear();
  }

  private call<T>(body: RequestBody): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ ...body, id });
    });
  }

  setCost(cost: CostModelInput): Promise<CostModel> {
    return this.call({ method: 'setCost', cost: cost as Record<string, unknown> });
  }
  cost(): Promise<CostModel> {
    return this.call({ method: 'cost' });
  }
  stats(): Promise<EmulatorStats> {
    return this.call({ method: 'stats' });
  }
  resetStats(): Promise<null> {
    return this.call({ method: 'resetStats' });
  }
  reset(): Promise<null> {
    return this.call({ method: 'reset' });
  }
  async seed(snapshot: StateSnapshot): Promise<void> {
    const result = await this.call<{ ok: boolean; error?: { message: string } }>({
      method: 'seed',
      snapshot,
    });
    if (!result.ok) throw new Error(`seed failed: ${result.error?.message ?? 'unknown'}`);
  }
  snapshot(): Promise<StateSnapshot> {
    return this.call({ method: 'snapshot' });
  }
  rows(menu: string): Promise<Row[]> {
    return this.call({ method: 'rows', menu });
  }
  operator(ops: readonly OperatorOp[]): Promise<OperatorOpResult[]> {
    return this.call({ method: 'operator', ops });
  }
  faults(plan: FaultPlan): Promise<null> {
    return this.call({ method: 'faults', plan });
  }
  connections(): Promise<number> {
    return this.call({ method: 'connections' });
  }
  async close(): Promise<void> {
    try {
      await this.call({ method: 'close' });
    } catch {
      // the process may already be gone
    }
    this.child.disconnect();
  }
}
