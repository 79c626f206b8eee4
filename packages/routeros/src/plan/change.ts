/** Order in which changes are applied: infrastructure first, subscribers, kicks, then infrastructure removal. */
export type Phase = 0 | 1 | 2 | 3;

/** One write the planner decided on, with what the applier needs (`.id`s) — internal form of `PlannedChange`. */
export interface Change {
  readonly subscriberId: string | null;
  readonly operation: 'create' | 'update' | 'remove' | 'kick';
  readonly path: string;
  /** Identity of the entry (marker or name); the user name for kicks. */
  readonly key: string;
  /** `.id` of the row for update, remove and kick. */
  readonly id?: string;
  /** Values to write: every field for create, the differing ones for update. Secrets in clear: internal. */
  readonly fields: Readonly<Record<string, string>>;
  /** Fields that are secrets (masked whenever the change is shown). */
  readonly secretFields: readonly string[];
  /** `.id` of the rule a new rule goes before (ordered menus). */
  readonly placeBefore?: string;
  /** Creates of one sequence are written one at a time, in plan order (see `DesiredEntry.sequence`). */
  readonly sequence?: string;
  readonly reason: string;
  readonly phase: Phase;
}
