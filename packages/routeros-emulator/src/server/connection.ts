import { createHash, randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { type CommandOutput, commandKind, executeCommand } from '../engine/execute-command';
import { resolvePath } from '../engine/resolve-path';
import type { RouterState } from '../engine/router-state';
import { TRAPS, type Trap } from '../engine/trap';
import { type DecoderLimits, SentenceDecoder } from '../protocol/sentence-decoder';
import { encodeSentence } from '../protocol/word-codec';
import { type CostModel, commandCost } from './cost-model';
import type { FaultDecision, FaultState } from './faults';
import type { RosVersion } from './ros-version';
import type { Scheduler } from './scheduler';
import type { SentenceLog } from './sentence-log';
import type { StatsCounters } from './stats';
import type { UserAccount } from './users';
import type { Job, Worker } from './worker';

/** Per-connection caps against hostile or broken clients. */
export interface ConnectionLimits extends DecoderLimits {
  /** Sentences accepted before a successful login; beyond it the client gets `!fatal`. */
  readonly maxSentencesBeforeLogin: number;
  /** Bytes of commands received but not yet answered; beyond it the client gets `!fatal`. */
  readonly maxPendingBytes: number;
  /** Bytes queued in the socket because the client does not read; beyond it the socket is dropped. */
  readonly maxOutputBytes: number;
}

export interface ConnectionDeps {
  readonly id: number;
  readonly socket: Socket;
  readonly state: RouterState;
  readonly scheduler: Scheduler;
  readonly worker: Worker;
  readonly stats: StatsCounters;
  readonly log: SentenceLog;
  readonly faults: FaultState;
  readonly cost: () => CostModel;
  readonly version: RosVersion;
  readonly users: () => ReadonlyMap<string, UserAccount>;
  readonly limits: ConnectionLimits;
  readonly startedAt: number;
  readonly onClose: (connection: Connection) => void;
}

interface Pending {
  readonly tag: string | undefined;
  readonly bytes: number;
  job?: Job | undefined;
  unsubscribe?: () => void;
}

interface Parsed {
  readonly command: string;
  readonly tag: string | undefined;
  readonly attributes: Map<string, string>;
  readonly queries: string[];
}

const WRITE_COMMANDS = new Set(['add', 'set', 'remove', 'unset', 'enable', 'disable', 'move', 'comment']);

function parseSentence(words: readonly string[]): Parsed {
  const attributes = new Map<string, string>();
  const queries: string[] = [];
  let tag: string | undefined;
  for (const word of words.slice(1)) {
    if (word.startsWith('.tag=')) {
      const value = word.slice(5);
      tag = value === '' ? undefined : value;
    } else if (word.startsWith('=')) {
      const eq = word.indexOf('=', 1);
      if (eq < 0) attributes.set(word.slice(1), '');
      else attributes.set(word.slice(1, eq), word.slice(eq + 1));
    } else if (word.startsWith('?')) {
      queries.push(word);
    }
  }
  return { command: words[0] ?? '', tag, attributes, queries };
}

/** One client connection speaking the RouterOS API. */
export class Connection {
  private readonly decoder: SentenceDecoder;
  private loggedIn = false;
  private user: UserAccount | undefined;
  private challenge: Buffer | undefined;
  private sentencesBeforeLogin = 0;
  private pendingBytes = 0;
  private readonly pending = new Set<Pending>();
  private lastSendAt = 0;
  private closing = false;
  private closed = false;

  constructor(private readonly deps: ConnectionDeps) {
    this.decoder = new SentenceDecoder(deps.limits);
    const socket = deps.socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.destroy());
    socket.on('close', () => this.onClosed());
  }

  get id(): number {
    return this.deps.id;
  }

  get isLoggedIn(): boolean {
    return this.loggedIn;
  }

  /** Drops the connection at once, without a goodbye (a cable pulled). */
  destroy(): void {
    this.closing = true;
    this.deps.socket.destroy();
  }

  /** Sends `!fatal <reason>` and closes once it is written. */
  fatal(reason: string, immediate = false): void {
    if (this.closing) return;
    this.closing = true;
    this.deps.stats.fatals++;
    const buffer = encodeSentence(['!fatal', reason]);
    const finish = (): void => {
      if (this.closed) return;
      this.write(buffer);
      // Half-close and keep draining input until the peer hangs up: closing with unread input would
      // make the kernel send a reset and the peer could lose the !fatal.
      this.deps.socket.end();
      setTimeout(() => this.deps.socket.destroy(), 1000).unref();
    };
    if (immediate) finish();
    else this.deps.scheduler.at(Math.max(this.deps.scheduler.now(), this.lastSendAt), finish);
  }

  private onData(chunk: Buffer): void {
    if (this.closing) return;
    this.deps.stats.bytesIn += chunk.length;
    const { sentences, error } = this.decoder.push(chunk);
    for (const words of sentences) {
      if (this.closing) return;
      this.onSentence(words);
    }
    if (error && !this.closing) {
      this.deps.stats.protocolErrors++;
      this.destroy();
    }
  }

  private onSentence(words: string[]): void {
    const { deps } = this;
    deps.stats.sentencesIn++;
    deps.log.record(deps.id, Date.now() - deps.startedAt, words);
    if (!this.loggedIn && ++this.sentencesBeforeLogin > deps.limits.maxSentencesBeforeLogin) {
      this.fatal('too many commands before login', true);
      return;
    }
    const bytes = words.reduce((sum, word) => sum + word.length + 1, 0);
    if (this.pendingBytes + bytes > deps.limits.maxPendingBytes) {
      this.fatal('too many commands in progress', true);
      return;
    }
    const arrival = deps.scheduler.now() + deps.cost().oneWayDelayMs;
    const pending: Pending = { tag: undefined, bytes };
    this.pendingBytes += bytes;
    deps.scheduler.at(arrival, () => this.dispatch(words, arrival, pending));
  }

  private begin(pending: Pending, tag: string | undefined): Pending {
    const entry: Pending = { ...pending, tag };
    this.pending.add(entry);
    this.deps.stats.inFlight++;
    if (this.deps.stats.inFlight > this.deps.stats.maxInFlight)
      this.deps.stats.maxInFlight = this.deps.stats.inFlight;
    return entry;
  }

  private end(entry: Pending): void {
    if (!this.pending.delete(entry)) return;
    this.pendingBytes -= entry.bytes;
    this.deps.stats.inFlight--;
    entry.unsubscribe?.();
  }

  private dispatch(words: string[], arrival: number, pending: Pending): void {
    if (this.closed || this.closing) return;
    const parsed = parseSentence(words);
    const { stats } = this.deps;
    const command = parsed.command;
    if (command === '#') {
      stats.commands.other++;
      stats.commands.total++;
      this.pendingBytes -= pending.bytes;
      if (!this.deps.faults.ignoreKeepalive) this.reply(parsed.tag, [], [], undefined, arrival);
      return;
    }
    if (command === '/quit') {
      this.pendingBytes -= pending.bytes;
      this.fatal('session terminated on request');
      return;
    }
    if (command === '/cancel') {
      stats.commands.other++;
      stats.commands.total++;
      this.pendingBytes -= pending.bytes;
      this.cancel(parsed, arrival);
      return;
    }
    const entry = this.begin(pending, parsed.tag);
    if (command === '/login') {
      stats.commands.other++;
      stats.commands.total++;
      this.submit(entry, arrival, () => ({
        cost: this.deps.cost().loginMs,
        send: this.login(parsed, entry),
      }));
      return;
    }
    if (!this.loggedIn) {
      stats.commands.other++;
      stats.commands.total++;
      this.submit(entry, arrival, () => ({
        cost: 0,
        send: (at) => this.replyCommand(entry, parsed.tag, undefined, [TRAPS.notLoggedIn()], at),
      }));
      return;
    }
    const resolved = resolvePath(command);
    const kind = resolved.ok ? commandKind(resolved.command) : 'other';
    stats.commands[kind]++;
    stats.commands.total++;
    const decision: FaultDecision = this.deps.faults.onCommand(
      command,
      resolved.ok && WRITE_COMMANDS.has(resolved.command),
    );
    if (decision.drop) {
      this.destroy();
      return;
    }
    if (decision.fatal !== undefined) {
      this.fatal(decision.fatal);
      return;
    }
    if (!resolved.ok) {
      this.submit(entry, arrival, () => ({
        cost: this.deps.cost().serviceMs.other,
        send: (at) => this.replyCommand(entry, parsed.tag, undefined, resolved.traps, at, decision),
      }));
      return;
    }
    this.submit(entry, arrival, () => {
      if (decision.trap) {
        return {
          cost: this.deps.cost().serviceMs[kind],
          send: (at) => this.replyCommand(entry, parsed.tag, undefined, [decision.trap!], at, decision),
        };
      }
      const result = executeCommand(this.deps.state, {
        menu: resolved.menu,
        command: resolved.command,
        attributes: parsed.attributes,
        queries: parsed.queries,
        readOnlyUser: this.user?.group === 'read',
      });
      return {
        cost: commandCost(this.deps.cost(), result.kind, result),
        send: (at) => {
          if (result.listen) this.startListen(entry, resolved.menu, parsed, at);
          else this.replyCommand(entry, parsed.tag, result, result.traps, at, decision);
        },
      };
    });
  }

  private submit(
    entry: Pending,
    arrival: number,
    run: () => { cost: number; send: (at: number) => void },
  ): void {
    let send: (at: number) => void = () => undefined;
    const job: Job = {
      arrival,
      started: false,
      cancelled: false,
      execute: () => {
        if (this.closed) return 0;
        const outcome = run();
        send = outcome.send;
        return outcome.cost;
      },
      finish: (completion) => {
        if (this.closed) return;
        entry.job = undefined;
        send(completion);
      },
    };
    entry.job = job;
    this.deps.worker.submit(job);
  }

  private login(parsed: Parsed, entry: Pending): (at: number) => void {
    const { version, faults, stats } = this.deps;
    const attributes = parsed.attributes;
    const name = attributes.get('name');
    const fail = (at: number): void => {
      stats.logins.failed++;
      this.reply(parsed.tag, [{ message: version.badLoginMessage }], [], entry, at);
    };
    const succeed = (account: UserAccount) => (at: number) => {
      this.loggedIn = true;
      this.user = account;
      stats.logins.succeeded++;
      this.reply(parsed.tag, [], [], entry, at);
    };
    const issueChallenge = (at: number): void => {
      this.challenge = randomBytes(16);
      this.reply(parsed.tag, [], [['ret', this.challenge.toString('hex')]], entry, at);
    };
    if (faults.rejectLogin) return fail;
    if (name === undefined) return issueChallenge;
    const account = this.deps.users().get(name);
    const response = attributes.get('response');
    if (response !== undefined) {
      if (!version.challengeLogin || !this.challenge || !account) return fail;
      const expected = `00${createHash('md5')
        .update(Buffer.concat([Buffer.from([0]), Buffer.from(account.password, 'latin1'), this.challenge]))
        .digest('hex')}`;
      this.challenge = undefined;
      return response.toLowerCase() === expected ? succeed(account) : fail;
    }
    if (!version.plainLogin) return issueChallenge;
    const password = attributes.get('password') ?? '';
    return account && account.password === password ? succeed(account) : fail;
  }

  private cancel(parsed: Parsed, at: number): void {
    const target = parsed.attributes.get('tag');
    const victims = [...this.pending].filter((entry) => {
      if (target !== undefined && entry.tag !== target) return false;
      if (entry.unsubscribe) return true;
      return entry.job !== undefined && !entry.job.started;
    });
    const tagWords = (tag: string | undefined): string[] => (tag === undefined ? [] : [`.tag=${tag}`]);
    const sendAt = at + this.deps.cost().oneWayDelayMs;
    for (const victim of victims) {
      if (victim.job) this.deps.worker.cancel(victim.job);
      victim.unsubscribe?.();
      this.deps.stats.traps++;
      this.send(['!trap', '=category=2', '=message=interrupted', ...tagWords(victim.tag)], sendAt);
    }
    this.send(['!done', ...tagWords(parsed.tag)], sendAt);
    for (const victim of victims) {
      this.send(['!done', ...tagWords(victim.tag)], sendAt, () => this.end(victim));
    }
  }

  private startListen(entry: Pending, menu: string, parsed: Parsed, at: number): void {
    const { state } = this.deps;
    const spec = state.table(menu)!.spec;
    const proplist = parsed.attributes.get('.proplist');
    const wanted = proplist === undefined ? undefined : new Set(proplist.split(','));
    const tagWords = parsed.tag === undefined ? [] : [`.tag=${parsed.tag}`];
    let sendFloor = at;
    entry.unsubscribe = state.onChange((event) => {
      if (event.menu !== menu || this.closed) return;
      const when = Math.max(sendFloor, this.deps.scheduler.now()) + this.deps.cost().oneWayDelayMs;
      sendFloor = when;
      if (event.dead) {
        this.send(['!re', `=.id=${event.id}`, '=.dead=yes', ...tagWords], when);
        return;
      }
      const row = spec.singleton ? state.table(menu)!.rows[0] : state.findById(menu, event.id);
      if (!row) return;
      const printed = state.printRow(spec, row, state.context());
      const words = [...printed]
        .filter(([key]) => wanted === undefined || wanted.has(key))
        .map(([key, value]) => `=${key}=${value}`);
      this.send(['!re', ...words, ...tagWords], when);
    });
  }

  private replyCommand(
    entry: Pending,
    tag: string | undefined,
    result: CommandOutput | undefined,
    traps: readonly Trap[],
    at: number,
    decision: FaultDecision = {},
  ): void {
    const sendAt = at + this.deps.cost().oneWayDelayMs;
    if (decision.unknownWord !== undefined) {
      this.send([decision.unknownWord, ...(tag === undefined ? [] : [`.tag=${tag}`])], sendAt);
    }
    if (decision.unknownTag !== undefined) {
      this.send(['!done', `.tag=${decision.unknownTag}`], sendAt);
    }
    const tagWords = tag === undefined ? [] : [`.tag=${tag}`];
    for (const row of result?.rows ?? []) {
      this.send(['!re', ...[...row].map(([key, value]) => `=${key}=${value}`), ...tagWords], sendAt);
    }
    const allTraps = [...traps];
    if (allTraps.length > 0 && this.deps.faults.doubleTrap)
      allTraps.push({ message: this.deps.faults.trapMessage });
    for (const item of allTraps) {
      this.deps.stats.traps++;
      const category = item.category === undefined ? [] : [`=category=${item.category}`];
      this.send(['!trap', ...category, `=message=${item.message}`, ...tagWords], sendAt);
    }
    const done = allTraps.length > 0 ? [] : (result?.done ?? []);
    if (
      this.deps.version.emptyReply &&
      result?.kind === 'print' &&
      allTraps.length === 0 &&
      result.rows.length === 0 &&
      done.length === 0
    ) {
      this.send(['!empty', ...tagWords], sendAt);
    }
    this.send(['!done', ...done.map(([key, value]) => `=${key}=${value}`), ...tagWords], sendAt, () => {
      this.end(entry);
      if (decision.dropAfterReply) this.destroy();
    });
  }

  private reply(
    tag: string | undefined,
    traps: readonly Trap[],
    done: readonly (readonly [string, string])[],
    entry: Pending | undefined,
    at: number,
  ): void {
    const sendAt = at + this.deps.cost().oneWayDelayMs;
    const tagWords = tag === undefined ? [] : [`.tag=${tag}`];
    for (const item of traps) {
      this.deps.stats.traps++;
      this.send(['!trap', `=message=${item.message}`, ...tagWords], sendAt);
    }
    this.send(['!done', ...done.map(([key, value]) => `=${key}=${value}`), ...tagWords], sendAt, () => {
      if (entry) this.end(entry);
    });
  }

  /** Queues one sentence for writing at `at` (never before an earlier sentence), as one socket write. */
  private send(words: readonly string[], at: number, afterWrite?: () => void): void {
    const buffer = encodeSentence(words);
    const sendAt = Math.max(at, this.lastSendAt);
    this.lastSendAt = sendAt;
    const split = this.deps.faults.splitTerminatorMs;
    if (split === undefined) {
      this.deps.scheduler.at(sendAt, () => {
        this.write(buffer, true);
        afterWrite?.();
      });
      return;
    }
    this.lastSendAt = sendAt + split;
    this.deps.scheduler.at(sendAt, () => this.write(buffer.subarray(0, buffer.length - 1), true));
    this.deps.scheduler.at(sendAt + split, () => {
      this.write(buffer.subarray(buffer.length - 1), false);
      afterWrite?.();
    });
  }

  private write(buffer: Buffer, countSentence = false): void {
    if (this.closed) return;
    const socket = this.deps.socket;
    if (socket.writableLength > this.deps.limits.maxOutputBytes) {
      this.destroy();
      return;
    }
    socket.write(buffer);
    this.deps.stats.bytesOut += buffer.length;
    if (countSentence) this.deps.stats.sentencesOut++;
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.closing = true;
    for (const entry of [...this.pending]) {
      if (entry.job) this.deps.worker.cancel(entry.job);
      this.end(entry);
    }
    this.deps.onClose(this);
  }
}
