import { decodeLength } from './length-prefix';

/** Caps that keep a hostile peer from growing memory without bound. */
export interface DecoderLimits {
  /** Largest accepted word, in bytes. */
  readonly maxWordBytes: number;
  /** Largest accepted sentence (sum of its words), in bytes. */
  readonly maxSentenceBytes: number;
  /** Most words accepted in one sentence. */
  readonly maxSentenceWords: number;
}

export const DEFAULT_DECODER_LIMITS: DecoderLimits = {
  maxWordBytes: 1024 * 1024,
  maxSentenceBytes: 4 * 1024 * 1024,
  maxSentenceWords: 10_000,
};

/** Why the decoder gave up on a stream. */
export type DecodeError =
  | { readonly type: 'ControlByte'; readonly byte: number; readonly message: string }
  | { readonly type: 'WordTooLong'; readonly length: number; readonly message: string }
  | { readonly type: 'SentenceTooLong'; readonly message: string };

export interface DecodeOutput {
  /** Complete, non-empty sentences in arrival order; words are latin1 strings (one char per byte). */
  readonly sentences: string[][];
  /** Set once the stream is unusable; later pushes return nothing. */
  readonly error?: DecodeError;
}

/**
 * Incremental RouterOS sentence decoder. Accepts input split or coalesced at any byte boundary.
 * Pending bytes never exceed one word plus its prefix, so memory stays bounded by the limits.
 */
export class SentenceDecoder {
  private pending: Buffer = Buffer.alloc(0);
  /** Chunks received since the last parse, not yet joined (avoids quadratic copying of large words). */
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  /** Bytes needed in total before parsing can make progress. */
  private needed = 1;
  private words: string[] = [];
  private sentenceBytes = 0;
  private failed: DecodeError | undefined;
  private readonly limits: DecoderLimits;

  constructor(limits: Partial<DecoderLimits> = {}) {
    this.limits = { ...DEFAULT_DECODER_LIMITS, ...limits };
  }

  /** Bytes held while waiting for the rest of a word. */
  get pendingBytes(): number {
    return this.pending.length + this.chunkBytes;
  }

  push(chunk: Uint8Array): DecodeOutput {
    if (this.failed) {
      return { sentences: [], error: this.failed };
    }
    this.chunks.push(Buffer.from(chunk));
    this.chunkBytes += chunk.length;
    if (this.pending.length + this.chunkBytes < this.needed) {
      return { sentences: [] };
    }
    const data = Buffer.concat([this.pending, ...this.chunks]);
    this.chunks = [];
    this.chunkBytes = 0;
    this.needed = 1;
    const sentences: string[][] = [];
    let offset = 0;
    while (offset < data.length) {
      const prefix = decodeLength(data, offset);
      if (prefix.kind === 'incomplete') {
        this.needed = data.length - offset + 1;
        break;
      }
      if (prefix.kind === 'control') {
        return this.fail(sentences, {
          type: 'ControlByte',
          byte: prefix.byte,
          message: `reserved control byte 0x${prefix.byte.toString(16)}`,
        });
      }
      if (prefix.length > this.limits.maxWordBytes) {
        return this.fail(sentences, {
          type: 'WordTooLong',
          length: prefix.length,
          message: `word of ${prefix.length} bytes exceeds the limit of ${this.limits.maxWordBytes}`,
        });
      }
      const end = offset + prefix.size + prefix.length;
      if (end > data.length) {
        this.needed = end - offset;
        break;
      }
      offset = end;
      if (prefix.length === 0) {
        if (this.words.length > 0) sentences.push(this.words);
        this.words = [];
        this.sentenceBytes = 0;
        continue;
      }
      this.sentenceBytes += prefix.length;
      if (
        this.sentenceBytes > this.limits.maxSentenceBytes ||
        this.words.length >= this.limits.maxSentenceWords
      ) {
        return this.fail(sentences, { type: 'SentenceTooLong', message: 'sentence exceeds the size limit' });
      }
      this.words.push(data.toString('latin1', end - prefix.length, end));
    }
    // Copy the unconsumed tail so the large chunk it came from can be released.
    this.pending = offset === data.length ? Buffer.alloc(0) : Buffer.from(data.subarray(offset));
    return { sentences };
  }

  private fail(sentences: string[][], error: DecodeError): DecodeOutput {
    this.failed = error;
    this.pending = Buffer.alloc(0);
    this.chunks = [];
    this.chunkBytes = 0;
    this.words = [];
    return { sentences, error };
  }
}
