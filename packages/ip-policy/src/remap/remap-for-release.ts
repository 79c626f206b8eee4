import { err, ok, type Result } from 'neverthrow';
import {
  type IpPolicyError,
  invalidArgument,
  noMatchingRule,
  type ReleaseAttempt,
  releaseTargetsTaken,
} from '../errors.js';
import { intToIpv4 } from '../ipv4/ipv4-int.js';
import { parseIpv4Int } from '../ipv4/parse-ipv4.js';
import { type TakenIps, toTakenCheck } from '../taken/taken.js';
import type { ReleaseRemap, ReleaseRuleTable } from './types.js';
import { type CompiledTarget, compileReleaseRuleTable } from './validate-release-rule-table.js';
import { WISPHUB_RELEASE_RULES } from './wisphub-release-rules.js';

export interface RemapForReleaseOptions {
  /** IPs assigned to other services (the service being released must not be in it). */
  readonly taken: TakenIps;
  /** The policy; {@link WISPHUB_RELEASE_RULES} by default. */
  readonly table?: ReleaseRuleTable;
}

/**
 * Computes the IP a service gets when it is cancelled with "release IP" (requirement W6).
 *
 * The first rule whose `match` block contains `ip` gives the target: its /16 prefix plus the last two octets
 * of `ip`. A target that is taken, or equal to `ip` itself (a release must free the address), is skipped
 * for the next fallback. When none is usable the result is a {@link ReleaseTargetsTaken} error asking for a
 * manual IP — never a duplicate. Any error from this function means: assign the released IP by hand.
 */
export function remapForRelease(
  ip: string,
  options: RemapForReleaseOptions,
): Result<ReleaseRemap, IpPolicyError> {
  const original = parseIpv4Int(ip, 'ip');
  if (original.isErr()) return err(original.error);
  if (typeof options !== 'object' || options === null) {
    return err(invalidArgument('options', 'an object with `taken` (and optionally `table`)', options));
  }
  const isTaken = toTakenCheck(options.taken);
  if (isTaken.isErr()) return err(isTaken.error);
  const compiled = compileReleaseRuleTable(
    options.table === undefined ? WISPHUB_RELEASE_RULES : options.table,
  );
  if (compiled.isErr()) return err(compiled.error);

  const address = original.value;
  const rule = compiled.value.rules.find(
    (candidate) => candidate.start <= address && address <= candidate.end,
  );
  if (rule === undefined) return err(noMatchingRule(ip, compiled.value.table.name));

  const candidates: readonly CompiledTarget[] = [rule, ...compiled.value.fallbacks];
  const tried: ReleaseAttempt[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const target = (candidate.high | (address & 0xffff)) >>> 0;
    const text = intToIpv4(target);
    if (target === address) {
      tried.push({ ruleId: candidate.id, target: text, reason: 'same-as-original' });
      continue;
    }
    const taken = isTaken.value(text);
    if (taken !== true && taken !== false) return err(taken);
    if (taken) {
      tried.push({ ruleId: candidate.id, target: text, reason: 'taken' });
      continue;
    }
    return ok({
      original: ip,
      target: text,
      appliedRule: { id: candidate.id, name: candidate.name },
      matchedRule: { id: rule.id, name: rule.name },
      usedFallback: index > 0,
      tried,
    });
  }
  return err(releaseTargetsTaken(ip, rule.id, tried));
}
