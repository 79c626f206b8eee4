import { err, ok, type Result } from 'neverthrow';
import { type InvalidArgument, invalidArgument, type TakenCheckFailed, takenCheckFailed } from '../errors.js';

/**
 * The IPs already assigned to other services, as the caller knows them: either a set of canonical
 * dotted-decimal strings or a predicate answering "is this IP taken?".
 */
export type TakenIps = ReadonlySet<string> | ((ip: string) => boolean);

/**
 * A total "is taken?" check built from {@link TakenIps}: answers a boolean, or the error when the caller's
 * set or predicate threw or answered something else. A plain union rather than a `Result` because it runs
 * once per candidate address in allocation scans.
 */
export type TakenCheck = (ip: string) => boolean | TakenCheckFailed;

/** Validates the caller's `taken` input and wraps it so that a throwing or misbehaving check becomes an error. */
export function toTakenCheck(taken: unknown, field = 'taken'): Result<TakenCheck, InvalidArgument> {
  if (typeof taken === 'function') {
    const predicate = taken as (ip: string) => unknown;
    return ok((ip) => {
      let answer: unknown;
      try {
        answer = predicate(ip);
      } catch {
        return takenCheckFailed(ip, 'threw');
      }
      return typeof answer === 'boolean' ? answer : takenCheckFailed(ip, 'returned a non-boolean');
    });
  }
  if (typeof taken === 'object' && taken !== null) {
    let has: unknown;
    try {
      has = (taken as { has?: unknown }).has;
    } catch {
      has = undefined;
    }
    if (typeof has === 'function') {
      const set = taken as ReadonlySet<string>;
      return ok((ip) => {
        try {
          return set.has(ip) === true;
        } catch {
          return takenCheckFailed(ip, 'threw');
        }
      });
    }
  }
  return err(invalidArgument(field, 'a Set of IP strings or a predicate (ip) => boolean', taken));
}
