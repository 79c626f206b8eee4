import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { SentenceDecoder } from '../protocol/sentence-decoder';
import { encodeSentence } from '../protocol/word-codec';

/** Everything one tagged command got back. */
export interface RawReply {
  readonly tag: string;
  /** `!re` attributes, in order. */
  readonly re: readonly Readonly<Record<string, string>>[];
  /** `!trap` attributes (`message`, maybe `category`), in order. */
  readonly traps: readonly Readonly<Record<string, string>>[];
  /** `!done` attributes (e.g. `ret`). */
  readonly done: Readonly<Record<string, string>>;
  readonly empty: boolean;
  /** Every sentence of the reply, words as received. */
  readonly sentences: readonly (readonly string[])[];
}

export interface RawClientOptions {
  readonly host?: string;
  readonly port: number;
  readonly tls?: boolean;
  /** Default timeout of every wait, in ms (default 2000). */
  readonly timeoutMs?: number;
}

/** A small RouterOS API client for tests: raw words in, raw sentences out, timeouts everywhere. */
export interface RawClient {
  /** Every sentence received so far. */
  readonly received: readonly (readonly string[])[];
  readonly isClosed: boolean;
  /** Resolves when the server closes the connection. */
  readonly closed: Promise<void>;
  /** Sends one sentence as is (no tag added). */
  send(words: readonly string[]): void;
  /** Sends raw bytes (for malformed-input tests). */
  sendBytes(bytes: Uint8Array): void;
  /** Sends a command with a fresh `.tag` and collects its reply up to `!done`. Rejects on timeout, `!fatal` or close. */
  command(words: readonly string[], timeoutMs?: number): Promise<RawReply>;
  /** Post-6.43 login; resolves with the reply (check `traps`). */
  login(user?: string, password?: string, timeoutMs?: number): Promise<RawReply>;
  /** Legacy MD5 challenge login (bare `/login`, then `=response=`). */
  loginWithChallenge(user?: string, password?: string, timeoutMs?: number): Promise<RawReply>;
  /** Waits for the first received sentence (from `fromIndex`) that satisfies the predicate. */
  waitFor(
    predicate: (words: readonly string[]) => boolean,
    timeoutMs?: number,
    fromIndex?: number,
  ): Promise<readonly string[]>;
  /** Waits until the server closes the connection. */
  waitClosed(timeoutMs?: number): Promise<void>;
  close(): void;
}

const attributesOf = (words: readonly string[]): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const word of words.slice(1)) {
    if (!word.startsWith('=')) continue;
    const eq = word.indexOf('=', 1);
    if (eq < 0) out[word.slice(1)] = '';
    else out[word.slice(1, eq)] = word.slice(eq + 1);
  }
  return out;
};

const tagOf = (words: readonly string[]): string | undefined =>
  words.find((word) => word.startsWith('.tag='))?.slice(5);

/** Connects to an emulator (or any RouterOS API endpoint on loopback). */
export async function connectRawClient(options: RawClientOptions): Promise<RawClient> {
  const host = options.host ?? '127.0.0.1';
  const defaultTimeout = options.timeoutMs ?? 2000;
  const socket: Socket = await new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    const ready = (): void => {
      s.off('error', onError);
      resolve(s);
    };
    const s = options.tls
      ? connectTls({ host, port: options.port, rejectUnauthorized: false }, ready)
      : connectTcp({ host, port: options.port }, ready);
    s.once('error', onError);
  });
  socket.setNoDelay(true);
  const decoder = new SentenceDecoder({
    maxWordBytes: 64 * 1024 * 1024,
    maxSentenceBytes: 256 * 1024 * 1024,
  });
  const received: string[][] = [];
  const byTag = new Map<string, string[][]>();
  let fatal: readonly string[] | undefined;
  const waiters = new Set<() => void>();
  let isClosed = false;
  let nextTag = 1;
  const notify = (): void => {
    for (const waiter of [...waiters]) waiter();
  };
  const closed = new Promise<void>((resolve) => {
    socket.on('close', () => {
      isClosed = true;
      notify();
      resolve();
    });
  });
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => {
    const { sentences } = decoder.push(chunk);
    if (sentences.length === 0) return;
    for (const sentence of sentences) {
      received.push(sentence);
      if (sentence[0] === '!fatal') fatal = sentence;
      const tag = tagOf(sentence);
      if (tag === undefined) continue;
      const list = byTag.get(tag);
      if (list) list.push(sentence);
      else byTag.set(tag, [sentence]);
    }
    notify();
  });

  const waitUntil = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const attempt = (): void => {
        let value: T | undefined;
        try {
          value = check();
        } catch (error) {
          finish();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (value !== undefined) {
          finish();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const waiter = (): void => {
        attempt();
      };
      const finish = (): void => {
        clearTimeout(timer);
        waiters.delete(waiter);
      };
      waiters.add(waiter);
      attempt();
    });

  const send = (words: readonly string[]): void => {
    if (!isClosed) socket.write(encodeSentence(words));
  };

  const command = (words: readonly string[], timeoutMs = defaultTimeout): Promise<RawReply> => {
    const tag = `t${nextTag++}`;
    byTag.delete(tag);
    const fatalBefore = fatal;
    send([...words, `.tag=${tag}`]);
    return waitUntil<RawReply>(
      () => {
        if (fatal !== fatalBefore && fatal) throw new Error(`!fatal ${fatal[1] ?? ''}`);
        const mine = byTag.get(tag) ?? [];
        const last = mine.at(-1);
        if (last?.[0] !== '!done') {
          if (isClosed) throw new Error('connection closed before !done');
          return undefined;
        }
        byTag.delete(tag);
        const sentences = mine;
        return {
          tag,
          re: sentences.filter((s) => s[0] === '!re').map(attributesOf),
          traps: sentences.filter((s) => s[0] === '!trap').map(attributesOf),
          done: attributesOf(last),
          empty: sentences.some((s) => s[0] === '!empty'),
          sentences,
        };
      },
      timeoutMs,
      `the reply to ${words[0] ?? ''}`,
    );
  };

  return {
    received,
    get isClosed() {
      return isClosed;
    },
    closed,
    send,
    sendBytes: (bytes) => {
      if (!isClosed) socket.write(bytes);
    },
    command,
    login: (user = 'admin', password = '', timeoutMs) =>
      command(['/login', `=name=${user}`, `=password=${password}`], timeoutMs),
    loginWithChallenge: async (user = 'admin', password = '', timeoutMs) => {
      const { createHash } = await import('node:crypto');
      const first = await command(['/login'], timeoutMs);
      const challenge = first.done.ret ?? '';
      const digest = createHash('md5')
        .update(
          Buffer.concat([Buffer.from([0]), Buffer.from(password, 'latin1'), Buffer.from(challenge, 'hex')]),
        )
        .digest('hex');
      return command(['/login', `=name=${user}`, `=response=00${digest}`], timeoutMs);
    },
    waitFor: (predicate, timeoutMs = defaultTimeout, fromIndex = 0) =>
      waitUntil(() => received.slice(fromIndex).find(predicate), timeoutMs, 'a matching sentence'),
    waitClosed: (timeoutMs = defaultTimeout) =>
      waitUntil(() => (isClosed ? true : undefined), timeoutMs, 'the connection to close').then(
        () => undefined,
      ),
    close: () => {
      socket.destroy();
    },
  };
}
