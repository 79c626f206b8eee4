// Every exported function of @isp/routeros-emulator under generated input (see test-support/fuzz-harness.ts): the wire codec
// and decoder, the version parser, the cost model and the server's option checks. The emulator's documented
// programmer errors are a RangeError from encodeLength and a TypeError for invalid options.
import fc from 'fast-check';
import { expect } from 'vitest';
import { describeFuzzSuite, type FuzzTable, hostileValue } from '../../../../test-support/fuzz-harness';
import * as api from '../../src/index';

const PKG = '@isp/routeros-emulator';
const DECODE_ERRORS = new Set(['ControlByte', 'WordTooLong', 'SentenceTooLong']);
const isTypeError = (e: unknown): boolean => (e as Error).name === 'TypeError';
const isRangeError = (e: unknown): boolean => (e as Error).name === 'RangeError';

/** Words as the API sends them (latin1: one character per byte), including long ones. */
const word = (): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        '/login',
        '=name=admin',
        '/queue/simple/print',
        '.tag=7',
        '?disabled=no',
        '!done',
      ),
    },
    { weight: 4, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x7f, max: 0x4100 }).map((n) => 'w'.repeat(n)) },
  );
const sentence = (): fc.Arbitrary<string[]> => fc.array(word(), { minLength: 1, maxLength: 6 });

/** Splits a buffer at random points, as TCP may. */
const chunked = (bytes: Buffer, cuts: readonly number[]): Buffer[] => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let last = 0;
  for (const p of points) {
    out.push(bytes.subarray(last, p));
    last = p;
  }
  out.push(bytes.subarray(last));
  return out;
};

/** Feeds chunks to a decoder; checks the memory bound and the shape of its errors on the way. */
function decodeAll(args: readonly unknown[]): { sentences: string[][]; error: string | null } {
  const [limits, chunks] = args;
  const decoder = new api.SentenceDecoder(limits as Partial<api.DecoderLimits>);
  const effective = { ...api.DEFAULT_DECODER_LIMITS, ...(limits as object) };
  const sentences: string[][] = [];
  let error: string | null = null;
  for (const chunk of chunks as Uint8Array[]) {
    const out = decoder.push(chunk);
    sentences.push(...out.sentences);
    if (out.error !== undefined) {
      if (!DECODE_ERRORS.has(out.error.type) || typeof out.error.message !== 'string')
        throw new Error(`malformed decode error ${JSON.stringify(out.error)}`);
      error = out.error.type;
    }
    if (
      Number.isFinite(effective.maxWordBytes) &&
      decoder.pendingBytes > effective.maxWordBytes + 5 + chunk.length
    )
      throw new Error(`decoder holds ${decoder.pendingBytes} bytes`);
  }
  return { sentences, error };
}

const table: FuzzTable<typeof api> = {
  SentenceDecoder: {
    returns: 'value',
    invoke: decodeAll,
    trusted: true,
    valid: fc
      .tuple(fc.array(sentence(), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }))
      .map(([sentences, cuts]) => [
        {},
        chunked(Buffer.concat(sentences.map((s) => api.encodeSentence(s))), cuts),
        sentences,
      ]),
    invalid: fc.tuple(
      fc.record({
        maxWordBytes: fc.integer({ min: 0, max: 64 }),
        maxSentenceBytes: fc.integer({ min: 0, max: 256 }),
        maxSentenceWords: fc.integer({ min: 0, max: 4 }),
      }),
      fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 6 }),
    ),
    // Valid streams decode to exactly the sentences that were encoded.
    check: (out, args) => expect(out).toEqual({ sentences: args[2], error: null }),
  },
  decodeLength: {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(fc.uint8Array({ maxLength: 8 }), fc.integer({ min: 0, max: 8 })),
    invalid: fc.tuple(fc.uint8Array({ maxLength: 8 }), fc.constantFrom(-1, 1.5, Number.NaN, 1e9)),
  },
  encodeLength: {
    returns: 'value',
    json: false,
    valid: fc.tuple(
      fc.oneof(fc.integer({ min: 0, max: 0x4100 }), fc.integer({ min: 0, max: api.MAX_WORD_LENGTH })),
    ),
    invalid: fc.tuple(
      fc.constantFrom(-1, 0.5, api.MAX_WORD_LENGTH + 1, Number.NaN, Number.POSITIVE_INFINITY),
    ),
    programmerError: isRangeError,
    check: (out, [n]) => {
      const decoded = api.decodeLength(out as Buffer, 0);
      expect(decoded).toEqual({ kind: 'length', length: n, size: (out as Buffer).length });
    },
  },
  encodeSentence: {
    returns: 'value',
    json: false,
    trusted: true,
    valid: fc.tuple(sentence()),
    check: (out, [words]) => expect(new api.SentenceDecoder().push(out as Buffer).sentences).toEqual([words]),
  },
  encodeWord: {
    returns: 'value',
    json: false,
    trusted: true,
    valid: fc.tuple(fc.oneof(word(), fc.uint8Array({ minLength: 1, maxLength: 64 }))),
    check: (out, [w]) => {
      const text = typeof w === 'string' ? w : Buffer.from(w as Uint8Array).toString('latin1');
      const decoded = new api.SentenceDecoder().push(Buffer.concat([out as Buffer, Buffer.from([0])]));
      expect(decoded.sentences).toEqual([[text]]);
    },
  },
  parseRosVersion: {
    returns: 'value',
    valid: fc.tuple(
      fc
        .tuple(
          fc.constantFrom(6, 7),
          fc.integer({ min: 0, max: 60 }),
          fc.option(fc.integer({ min: 0, max: 20 })),
        )
        .map(([a, b, c]) => (c === null ? `${a}.${b}` : `${a}.${b}.${c}`)),
    ),
    invalid: fc.tuple(fc.constantFrom('5.26', '8.0', '7', '7.x', ' 7.18 ', '', '7.18.2.1')),
    check: (out) => expect((out as api.VersionParse).ok).toBe(true),
  },
  resolveCostModel: {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(
      fc.oneof(
        fc.constantFrom(...Object.values(api.COST_PROFILES)),
        fc.record(
          {
            oneWayDelayMs: fc.double({ min: 0, max: 50, noNaN: true }),
            serviceMs: fc.oneof(
              fc.double({ min: 0, max: 10, noNaN: true }),
              fc.record({ print: fc.nat(10) }),
            ),
            workers: fc.constantFrom('serial' as const, 'parallel' as const),
            maxSessions: fc.nat(1000),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
    invalid: fc.tuple(
      fc.record({
        oneWayDelayMs: hostileValue(),
        serviceMs: hostileValue(),
        maxSessions: hostileValue(),
        workers: hostileValue(),
      }),
    ),
  },
  startEmulator: {
    returns: 'value',
    json: false,
    // Options are fuzzed, but the server always binds 127.0.0.1 on a free port; it is closed at once.
    invoke: async ([options]) => {
      const opts = typeof options === 'object' && options !== null ? { ...(options as object) } : options;
      if (typeof opts === 'object' && opts !== null) {
        const o = opts as Record<string, unknown>;
        delete o['host'];
        if (typeof o['port'] === 'number' && o['port'] !== 0 && Number.isInteger(o['port'])) o['port'] = 0;
        if (o['tls'] !== undefined && o['tls'] !== false) o['tls'] = true;
      }
      const emulator = await api.startEmulator(opts as api.EmulatorOptions);
      try {
        return emulator.port > 0;
      } finally {
        await emulator.close();
      }
    },
    programmerError: isTypeError,
    valid: fc.tuple(
      fc.record(
        {
          rosVersion: fc.constantFrom('6.43', '6.49.10', '7.16', '7.18.2'),
          user: fc.constantFrom('admin', 'isp-api'),
          password: fc.string({ maxLength: 12 }),
          cost: fc.constantFrom(...Object.values(api.COST_PROFILES)),
          limits: fc.record({ maxWordBytes: fc.integer({ min: 16, max: 1 << 20 }) }),
        },
        { requiredKeys: [] },
      ),
    ),
    invalid: fc.tuple(
      fc.record({
        rosVersion: fc.constantFrom('5.0', 'x', ''),
        port: fc.constantFrom(-1, 65536, 1.5),
        users: fc.constantFrom([null], [{ name: 1 }], 'admin'),
      }),
    ),
  },
};

describeFuzzSuite(PKG, api, table, DECODE_ERRORS);
