/** Messages between the benchmark and its emulator process. */
export interface OperatorOp {
  readonly op: 'add' | 'set' | 'remove';
  readonly menu: string;
  readonly id?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

export type OperatorOpResult =
  | { readonly ok: true; readonly id?: string }
  | { readonly ok: false; readonly message: string };

type WithId<T> = T & { readonly id: number };

export type HostRequest = WithId<
  | { readonly method: 'start'; readonly cost: Readonly<Record<string, unknown>> }
  | { readonly method: 'setCost'; readonly cost: Readonly<Record<string, unknown>> }
  | { readonly method: 'cost' | 'stats' | 'resetStats' | 'reset' | 'snapshot' | 'connections' | 'memory' }
  | { readonly method: 'close' }
  | { readonly method: 'seed'; readonly snapshot: unknown }
  | { readonly method: 'rows'; readonly menu: string }
  | { readonly method: 'operator'; readonly ops: readonly OperatorOp[] }
  | { readonly method: 'faults'; readonly plan: unknown }
>;

export type HostResponse =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };
