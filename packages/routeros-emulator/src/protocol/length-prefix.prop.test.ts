import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decodeLength, encodeLength } from './length-prefix';

const BOUNDARIES = [0, 0x7f, 0x80, 0x3fff, 0x4000, 0x1fffff, 0x200000, 0xfffffff, 0x10000000, 0xffffffff];

/** Lengths clustered around every form boundary, plus anything in range. */
const lengthArb = fc.oneof(
  fc
    .constantFrom(...BOUNDARIES)
    .chain((boundary) =>
      fc.integer({ min: -2, max: 2 }).map((delta) => Math.min(0xffffffff, Math.max(0, boundary + delta))),
    ),
  fc.integer({ min: 0, max: 0xffffffff }),
);

const expectedSize = (length: number): number =>
  length < 0x80 ? 1 : length < 0x4000 ? 2 : length < 0x200000 ? 3 : length < 0x10000000 ? 4 : 5;

describe('length prefix round trip', () => {
  test.prop([lengthArb, fc.uint8Array({ maxLength: 4 })])(
    'decode(encode(n)) = n with the shortest form',
    (length, tail) => {
      const prefix = encodeLength(length);
      expect(prefix.length).toBe(expectedSize(length));
      const decoded = decodeLength(Buffer.concat([prefix, tail]), 0);
      expect(decoded).toEqual({ kind: 'length', length, size: prefix.length });
    },
  );

  test.prop([lengthArb])('every strict prefix of an encoding is incomplete', (length) => {
    const prefix = encodeLength(length);
    for (let cut = 0; cut < prefix.length; cut++) {
      expect(decodeLength(prefix.subarray(0, cut), 0)).toEqual({ kind: 'incomplete' });
    }
  });
});
