import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { SentenceDecoder } from './sentence-decoder';
import { encodeSentence } from './word-codec';

/** Words with lengths around the 1- and 2-byte boundaries and across the 3-byte boundary now and then. */
const wordArb = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(0x7e, 0x7f, 0x80, 0x81, 0x3ffe, 0x3fff, 0x4000, 0x4001)
      .map((length) => String.fromCharCode(65 + (length % 26)).repeat(length)),
  },
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ minLength: 1, maxLength: 64 })
      .map((bytes) => Buffer.from(bytes).toString('latin1')),
  },
);
const sentenceArb = fc.array(wordArb, { minLength: 1, maxLength: 6 });

describe('decoding under fragmentation and coalescing', () => {
  test.prop(
    [
      fc.array(sentenceArb, { minLength: 1, maxLength: 8 }),
      fc.array(fc.integer({ min: 1, max: 0x5000 }), { maxLength: 30 }),
    ],
    {
      numRuns: 150,
    },
  )('any split of the stream yields the same sentences', (sentences, cuts) => {
    const stream = Buffer.concat(sentences.map((words) => encodeSentence(words)));
    const decoder = new SentenceDecoder();
    const out: string[][] = [];
    let offset = 0;
    for (const size of cuts) {
      if (offset >= stream.length) break;
      out.push(...decoder.push(stream.subarray(offset, offset + size)).sentences);
      offset += size;
    }
    if (offset < stream.length) out.push(...decoder.push(stream.subarray(offset)).sentences);
    expect(out).toEqual(sentences);
    expect(decoder.pendingBytes).toBe(0);
  });

  test.prop([sentenceArb], { numRuns: 60 })('byte-at-a-time delivery yields the sentence once', (words) => {
    const stream = encodeSentence(words);
    const decoder = new SentenceDecoder();
    const out: string[][] = [];
    for (let i = 0; i < stream.length; i++) out.push(...decoder.push(stream.subarray(i, i + 1)).sentences);
    expect(out).toEqual([words]);
  });
});
