import type { Trap } from '../engine/trap';

/**
 * Faults to inject. Counters (`nth`) start at 1 and count, server-wide, the commands received after
 * login since the plan was set (`#`, `/login` and `/cancel` are not counted). `match` restricts the
 * counted commands to those whose command word starts with it (e.g. `/queue/simple/add`).
 * One-shot faults fire once; set the plan again to re-arm them.
 */
export interface FaultPlan {
  readonly match?: string;
  /** Destroy the socket when the Nth command arrives, without replying (mid-command drop). */
  readonly dropOnCommand?: number;
  /** Destroy the socket right after the reply to the Nth command is written. */
  readonly dropAfterCommands?: number;
  /** Send `!fatal <reason>` and close when the Nth command arrives. */
  readonly fatalOnCommand?: number | { readonly nth: number; readonly reason?: string };
  /** The Nth write (add/set/remove/unset/enable/disable/move) gets a trap instead of running. */
  readonly trapOnWrite?:
    | number
    | { readonly nth: number; readonly message?: string; readonly category?: number };
  /** Fraction (0..1) of writes answered with a trap, drawn from a seeded generator. */
  readonly trapWriteRatio?: number;
  readonly seed?: number;
  /** Message of injected traps (default `failure: injected fault`). */
  readonly trapMessage?: string;
  /** Every failing command sends a second trap (`=message=` of the second: `failure: injected fault`). */
  readonly doubleTrap?: boolean;
  /** Each reply sentence's final zero byte goes out in a later write, this many ms after the rest. */
  readonly splitTerminatorMs?: number;
  /** Before the Nth command's reply, send a sentence with an unknown reply word (default `!unknown`). */
  readonly unknownReplyWord?: number | { readonly nth: number; readonly word?: string };
  /** Before the Nth command's reply, send a `!done` carrying a tag the client never used. */
  readonly unknownTagReply?: number | { readonly nth: number; readonly tag?: string };
  /** Every login fails with the version's bad-login trap. */
  readonly rejectLogin?: boolean;
  /** `#` keep-alive sentences are never answered. */
  readonly ignoreKeepalive?: boolean;
}

/** What to do with one command. */
export interface FaultDecision {
  readonly drop?: true;
  readonly fatal?: string;
  readonly trap?: Trap;
  readonly dropAfterReply?: true;
  readonly unknownWord?: string;
  readonly unknownTag?: string;
}

const nthOf = (value: number | { readonly nth: number } | undefined): number | undefined =>
  value === undefined ? undefined : typeof value === 'number' ? value : value.nth;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The active fault plan and its counters. */
export class FaultState {
  private plan: FaultPlan = {};
  private commands = 0;
  private writes = 0;
  private random: () => number = mulberry32(1);

  set(plan: FaultPlan): void {
    this.plan = { ...plan };
    this.commands = 0;
    this.writes = 0;
    this.random = mulberry32(typeof plan.seed === 'number' ? plan.seed : 1);
  }

  clear(): void {
    this.set({});
  }

  current(): FaultPlan {
    return { ...this.plan };
  }

  get rejectLogin(): boolean {
    return this.plan.rejectLogin === true;
  }

  get ignoreKeepalive(): boolean {
    return this.plan.ignoreKeepalive === true;
  }

  get doubleTrap(): boolean {
    return this.plan.doubleTrap === true;
  }

  get splitTerminatorMs(): number | undefined {
    const value = this.plan.splitTerminatorMs;
    return typeof value === 'number' && value >= 0 ? value : undefined;
  }

  get trapMessage(): string {
    return this.plan.trapMessage ?? 'failure: injected fault';
  }

  /** Counts one command and decides which faults it triggers. */
  onCommand(commandWord: string, isWrite: boolean): FaultDecision {
    const plan = this.plan;
    if (plan.match !== undefined && !commandWord.startsWith(plan.match)) return {};
    const n = ++this.commands;
    const decision: {
      drop?: true;
      fatal?: string;
      trap?: Trap;
      dropAfterReply?: true;
      unknownWord?: string;
      unknownTag?: string;
    } = {};
    if (plan.dropOnCommand === n) decision.drop = true;
    if (nthOf(plan.fatalOnCommand) === n) {
      const fatal = plan.fatalOnCommand;
      decision.fatal = (typeof fatal === 'object' ? fatal.reason : undefined) ?? 'injected fatal error';
    }
    if (plan.dropAfterCommands === n) decision.dropAfterReply = true;
    if (nthOf(plan.unknownReplyWord) === n) {
      const option = plan.unknownReplyWord;
      decision.unknownWord = (typeof option === 'object' ? option.word : undefined) ?? '!unknown';
    }
    if (nthOf(plan.unknownTagReply) === n) {
      const option = plan.unknownTagReply;
      decision.unknownTag = (typeof option === 'object' ? option.tag : undefined) ?? 'unregistered-tag';
    }
    if (isWrite) {
      const w = ++this.writes;
      const option = plan.trapOnWrite;
      if (nthOf(option) === w) {
        decision.trap = {
          message: (typeof option === 'object' ? option.message : undefined) ?? this.trapMessage,
          ...(typeof option === 'object' && option.category !== undefined
            ? { category: option.category }
            : {}),
        };
      } else if (
        typeof plan.trapWriteRatio === 'number' &&
        plan.trapWriteRatio > 0 &&
        this.random() < plan.trapWriteRatio
      ) {
        decision.trap = { message: this.trapMessage };
      }
    }
    return decision;
  }
}
