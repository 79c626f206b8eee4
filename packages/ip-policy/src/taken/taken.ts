import { err, ok, type Result } from 'neverthrow';
import { type InvalidArgument, invalidArgument, type TakenCheckFailed, takenCheckFailed } from '../errors.js';

/**
 * The IPs already assigned to other services, as the caller knows them: either a set of canonical
 * dotted-decimal strings or a predicate answering "is this IP taken?".
 */
export type TakenIps = ReadonlySet<string> | ((ip: string) => boolean);

/** A total "is taken?" check built from {@link TakenIps}. */
export type TakenCheck = (ip: string) => Result<boolean, TakenCheckFailed>;

/** Validates the caller's `taken` input and wraps it so that a throwing or misbehaving check becomes an error. */
export function toTakenCheck(taken: unknown, field = 'taken'): Result<TakenCheck, InvalidArgument> {
  if (typeof taken === 'function') {
    const predicate = taken as (ip: string) => unknown;
    return ok((ip) => {
      let answer: unknown;
      try {
        answer = predicate(ip);
      } catch {
        return err(takenCheckFailed(ip, 'threw'));
      }
      return typeof answer === 'boolean' ? ok(answer) : err(takenCheckFailed(ip, 'returned a non-boolean'));
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
          return ok(set.has(ip) === true);
        } catch {
          return err(takenCheckFailed(ip, 'threw'));
        }
      });
    }
  }
  return err(invalidArgument(field, 'a Set of IP strings or a predicate (ip) => boolean', taken));
}
