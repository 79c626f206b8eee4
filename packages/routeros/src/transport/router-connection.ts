import type { ResultAsync } from 'neverthrow';
import type { RouterError } from '../errors.js';

/** One reply row (`!re`) or the `!done` attributes of a command, every value a string. */
export type Sentence = Readonly<Record<string, string>>;

/**
 * The narrow transport the engine needs: send one command (its words: the command path, then attribute and
 * query words) and get its data sentences, or a typed error. Implementations multiplex commands on one
 * connection, bound the number in flight and time out every call.
 */
export interface RouterConnection {
  readonly routerId: string;
  command(words: readonly string[]): ResultAsync<readonly Sentence[], RouterError>;
  /** Closes the connection; in-flight calls fail with `ConnectionLost`. Idempotent. */
  close(): Promise<void>;
}
