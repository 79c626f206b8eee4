import { describe, expect, it } from 'vitest';
import { SentenceDecoder } from './sentence-decoder';
import { encodeSentence, encodeWord } from './word-codec';

describe('SentenceDecoder', () => {
  it('decodes words of every length form', () => {
    const words = [
      '/x',
      'a'.repeat(0x7f),
      'b'.repeat(0x80),
      'c'.repeat(0x3fff),
      'd'.repeat(0x4000),
      'e'.repeat(0x200000),
    ];
    const decoder = new SentenceDecoder({ maxWordBytes: 0x300000, maxSentenceBytes: 0x1000000 });
    expect(decoder.push(encodeSentence(words)).sentences).toEqual([words]);
  });

  it('ignores empty sentences', () => {
    const decoder = new SentenceDecoder();
    const bytes = Buffer.concat([Buffer.from([0, 0]), encodeSentence(['/a']), Buffer.from([0])]);
    expect(decoder.push(bytes).sentences).toEqual([['/a']]);
  });

  it('keeps bytes as latin1 characters, one per byte', () => {
    const raw = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x80, 0xff]);
    const decoded = new SentenceDecoder().push(
      Buffer.concat([encodeWord('/x'), encodeWord(raw), Buffer.from([0])]),
    );
    expect(Buffer.from(decoded.sentences[0]![1]!, 'latin1')).toEqual(Buffer.from(raw));
  });

  it('fails on a control byte and stays failed', () => {
    const decoder = new SentenceDecoder();
    const first = decoder.push(Buffer.concat([encodeSentence(['/ok']), Buffer.from([0xf8, 1, 2])]));
    expect(first.sentences).toEqual([['/ok']]);
    expect(first.error?.type).toBe('ControlByte');
    expect(decoder.push(encodeSentence(['/later'])).sentences).toEqual([]);
  });

  it('fails on a word longer than the limit as soon as the prefix arrives', () => {
    const decoder = new SentenceDecoder({ maxWordBytes: 1000 });
    const out = decoder.push(Buffer.from([0xf0, 0x7f, 0xff, 0xff, 0xff]));
    expect(out.error).toMatchObject({ type: 'WordTooLong', length: 0x7fffffff });
    expect(decoder.pendingBytes).toBe(0);
  });

  it('fails on a sentence over the size or word-count limit', () => {
    const bySize = new SentenceDecoder({ maxWordBytes: 100, maxSentenceBytes: 150 });
    expect(
      bySize.push(Buffer.concat([encodeWord('x'.repeat(100)), encodeWord('y'.repeat(100))])).error?.type,
    ).toBe('SentenceTooLong');
    const byCount = new SentenceDecoder({ maxSentenceWords: 3 });
    expect(
      byCount.push(Buffer.concat(['a', 'b', 'c', 'd'].map((word) => encodeWord(word)))).error?.type,
    ).toBe('SentenceTooLong');
  });

  it('holds at most one partial word while waiting', () => {
    const decoder = new SentenceDecoder();
    const sentence = encodeSentence(['/a', 'x'.repeat(5000)]);
    decoder.push(sentence.subarray(0, 3000));
    expect(decoder.pendingBytes).toBeLessThanOrEqual(3000);
    expect(decoder.push(sentence.subarray(3000)).sentences).toEqual([['/a', 'x'.repeat(5000)]]);
    expect(decoder.pendingBytes).toBe(0);
  });
});
