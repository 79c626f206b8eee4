import { encodeLength } from './length-prefix';

/** Words are opaque bytes; strings map one character to one byte (latin1), so bytes survive unchanged. */
export function encodeWord(word: string | Uint8Array): Buffer {
  const body = typeof word === 'string' ? Buffer.from(word, 'latin1') : Buffer.from(word);
  return Buffer.concat([encodeLength(body.length), body]);
}

/** Encodes a whole sentence, including the terminating zero-length word, as one buffer. */
export function encodeSentence(words: readonly (string | Uint8Array)[]): Buffer {
  const parts: Buffer[] = [];
  for (const word of words) {
    parts.push(encodeWord(word));
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}
