import { describe, expect, it } from 'vitest';
import { decodeLength, encodeLength } from './length-prefix';

describe('encodeLength / decodeLength', () => {
  it.each([
    [0, [0x00]],
    [0x7f, [0x7f]],
    [0x80, [0x80, 0x80]],
    [0x3fff, [0xbf, 0xff]],
    [0x4000, [0xc0, 0x40, 0x00]],
    [0x1fffff, [0xdf, 0xff, 0xff]],
    [0x200000, [0xe0, 0x20, 0x00, 0x00]],
    [0xfffffff, [0xef, 0xff, 0xff, 0xff]],
    [0x10000000, [0xf0, 0x10, 0x00, 0x00, 0x00]],
    [0xffffffff, [0xf0, 0xff, 0xff, 0xff, 0xff]],
  ])('length %i encodes as the documented bytes', (length, bytes) => {
    expect([...encodeLength(length)]).toEqual(bytes);
    expect(decodeLength(Buffer.from(bytes), 0)).toEqual({ kind: 'length', length, size: bytes.length });
  });

  it('reports an incomplete prefix', () => {
    expect(decodeLength(Buffer.from([0xc0, 0x40]), 0)).toEqual({ kind: 'incomplete' });
    expect(decodeLength(Buffer.from([]), 0)).toEqual({ kind: 'incomplete' });
  });

  it.each([0xf1, 0xf7, 0xf8, 0xff])('first byte 0x%s is a control byte', (byte) => {
    expect(decodeLength(Buffer.from([byte, 0, 0, 0, 0]), 0)).toEqual({ kind: 'control', byte });
  });

  it('refuses lengths that cannot be encoded', () => {
    expect(() => encodeLength(-1)).toThrow(RangeError);
    expect(() => encodeLength(0x100000000)).toThrow(RangeError);
    expect(() => encodeLength(1.5)).toThrow(RangeError);
  });
});
