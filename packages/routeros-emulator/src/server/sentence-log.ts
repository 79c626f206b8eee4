/** One sentence a client sent, as received (secrets redacted unless asked otherwise). */
export interface RecordedSentence {
  /** Connection number, from 1 in accept order. */
  readonly connection: number;
  /** Milliseconds since the emulator started. */
  readonly at: number;
  readonly words: readonly string[];
}

export interface SentenceLogLimits {
  /** Most sentences kept (oldest dropped first). */
  readonly maxEntries: number;
  /** Most bytes of words kept in total. */
  readonly maxBytes: number;
}

const SECRET_WORDS = /^(=password=|=response=|=new-password=|=old-password=)/;
const MAX_WORD_CHARS = 1024;
const MAX_WORDS = 256;

/** A bounded log of received sentences. Long words are shortened and secrets redacted before storing. */
export class SentenceLog {
  private entries: { readonly entry: RecordedSentence; readonly bytes: number }[] = [];
  private head = 0;
  private bytes = 0;
  private dropped = 0;
  private limits: SentenceLogLimits;

  constructor(
    limits: SentenceLogLimits,
    private readonly recordSecrets: boolean,
  ) {
    this.limits = limits;
  }

  record(connection: number, at: number, words: readonly string[]): void {
    if (this.limits.maxEntries <= 0) return;
    const kept = words.slice(0, MAX_WORDS).map((word) => {
      const match = this.recordSecrets ? null : SECRET_WORDS.exec(word);
      if (match) return `${match[1]}***`;
      return word.length > MAX_WORD_CHARS ? `${word.slice(0, MAX_WORD_CHARS)}…(${word.length} bytes)` : word;
    });
    if (words.length > MAX_WORDS) kept.push(`…(${words.length - MAX_WORDS} more words)`);
    const size = kept.reduce((sum, word) => sum + word.length, 0);
    this.entries.push({ entry: { connection, at, words: kept }, bytes: size });
    this.bytes += size;
    this.evict();
  }

  /** Recorded sentences, oldest first. */
  list(): readonly RecordedSentence[] {
    return this.entries.slice(this.head).map((item) => item.entry);
  }

  /** How many entries were discarded because of the limits. */
  droppedCount(): number {
    return this.dropped;
  }

  clear(): void {
    this.entries = [];
    this.head = 0;
    this.bytes = 0;
    this.dropped = 0;
  }

  setLimits(limits: Partial<SentenceLogLimits>): void {
    this.limits = { ...this.limits, ...limits };
    this.evict();
  }

  private evict(): void {
    while (
      this.entries.length - this.head > 0 &&
      (this.entries.length - this.head > this.limits.maxEntries || this.bytes > this.limits.maxBytes)
    ) {
      this.bytes -= this.entries[this.head]!.bytes;
      this.head++;
      this.dropped++;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
