/** Largest word length the five-byte form can carry. */
export const MAX_WORD_LENGTH = 0xffffffff;

/** Result of reading a word length prefix from a byte buffer. */
export type LengthPrefix =
  | { readonly kind: 'length'; readonly length: number; readonly size: number }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'control'; readonly byte: number };

/**
 * Encodes a word length with the RouterOS variable-length prefix (big-endian, five forms).
 * Throws a RangeError for a negative, fractional or too large length (a programming error).
 */
export function encodeLength(length: number): Buffer {
  if (!Number.isInteger(length) || length < 0 || length > MAX_WORD_LENGTH) {
    throw new RangeError(`word length out of range: ${length}`);
  }
  if (length < 0x80) {
    return Buffer.from([length]);
  }
  if (length < 0x4000) {
    const value = length | 0x8000;
    return Buffer.from([(value >>> 8) & 0xff, value & 0xff]);
  }
  if (length < 0x200000) {
    const value = length | 0xc00000;
    return Buffer.from([(value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
  }
  if (length < 0x10000000) {
    const value = (length | 0xe0000000) >>> 0;
    return Buffer.from([(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
  }
  return Buffer.from([
    0xf0,
    (length >>> 24) & 0xff,
    (length >>> 16) & 0xff,
    (length >>> 8) & 0xff,
    length & 0xff,
  ]);
}

/**
 * Reads a length prefix at `offset`. A first byte of 0xF1 or above is a reserved control byte
 * (the protocol reserves 0xF8 and above; 0xF1–0xF7 are not a valid length form either).
 */
export function decodeLength(bytes: Uint8Array, offset: number): LengthPrefix {
  const available = bytes.length - offset;
  if (available < 1) {
    return { kind: 'incomplete' };
  }
  const first = bytes[offset]!;
  if (first < 0x80) {
    return { kind: 'length', length: first, size: 1 };
  }
  if (first < 0xc0) {
    if (available < 2) return { kind: 'incomplete' };
    return { kind: 'length', length: ((first & 0x3f) << 8) | bytes[offset + 1]!, size: 2 };
  }
  if (first < 0xe0) {
    if (available < 3) return { kind: 'incomplete' };
    return {
      kind: 'length',
      length: ((first & 0x1f) << 16) | (bytes[offset + 1]! << 8) | bytes[offset + 2]!,
      size: 3,
    };
  }
  if (first < 0xf0) {
    if (available < 4) return { kind: 'incomplete' };
    const length =
      (first & 0x0f) * 0x1000000 +
      ((bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!);
    return { kind: 'length', length, size: 4 };
  }
  if (first === 0xf0) {
    if (available < 5) return { kind: 'incomplete' };
    const length =
      bytes[offset + 1]! * 0x1000000 +
      ((bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 8) | bytes[offset + 4]!);
    return { kind: 'length', length, size: 5 };
  }
  return { kind: 'control', byte: first };
}
