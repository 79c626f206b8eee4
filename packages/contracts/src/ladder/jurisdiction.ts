import { err, ok, type Result } from 'neverthrow';
import { type ContractsError, type JurisdictionFinding, ladderViolatesJurisdiction } from '../errors';
import type { OverdueLadder } from './types';
import { ladderWarnings, validateLadder } from './validate-ladder';

/** `generic`: structure only. `br-consumer`: Anatel's rules for fixed broadband consumers (RGC). */
export type Jurisdiction = 'generic' | 'br-consumer';

export interface JurisdictionOptions {
  /** Anatel regulation: Res. 765/2023 (default, in force since 1 Sep 2025) or Res. 632/2014. */
  readonly regime?: 'rgc-2023' | 'rgc-2014';
  /**
   * The 15-day term after the notice: `conservative` (default) restricts from notice + 16, `lenient` from
   * notice + 15.
   */
  readonly noticeTerm?: 'conservative' | 'lenient';
}

export interface LadderCheck {
  readonly ladder: OverdueLadder;
  /** Warnings that do not block the ladder. */
  readonly warnings: readonly JurisdictionFinding[];
}

/**
 * Validates a ladder, then checks it against a jurisdiction overlay. Under `br-consumer`: a notice step is
 * required before any restriction; no restriction (throttle or suspend) before notice + 16 days (15 when
 * lenient); rescission at least 60 days after suspension (RGC/2023) — or, under RGC/2014, total suspension
 * 30 days after the partial one and rescission 30 days after that. Errors come together in one
 * `LadderViolatesJurisdiction` with one finding each (`RESTRICTION_BEFORE_NOTICE_PERIOD`,
 * `RESCISSION_TOO_EARLY`, ...). Under `generic` the WebMikrotik ladder 1/3/10/10 is valid.
 */
export function validateLadderForJurisdiction(
  input: unknown,
  jurisdiction: Jurisdiction,
  options: JurisdictionOptions = {},
): Result<LadderCheck, ContractsError> {
  const valid = validateLadder(input);
  if (valid.isErr()) return err(valid.error);
  const ladder = valid.value;
  const warnings = [...ladderWarnings(ladder)];
  if (jurisdiction === 'generic') return ok({ ladder, warnings });
  if (jurisdiction !== 'br-consumer') {
    return err({
      type: 'InvalidInput',
      field: 'jurisdiction',
      message: 'jurisdiction must be generic or br-consumer',
    });
  }
  if (typeof options !== 'object' || options === null)
    return err({ type: 'InvalidInput', field: 'options', message: 'options must be an object' });
  if (options.regime !== undefined && options.regime !== 'rgc-2023' && options.regime !== 'rgc-2014')
    return err({
      type: 'InvalidInput',
      field: 'options.regime',
      message: 'regime must be rgc-2023 or rgc-2014',
    });
  if (
    options.noticeTerm !== undefined &&
    options.noticeTerm !== 'conservative' &&
    options.noticeTerm !== 'lenient'
  )
    return err({
      type: 'InvalidInput',
      field: 'options.noticeTerm',
      message: 'noticeTerm must be conservative or lenient',
    });
  const regime = options.regime ?? 'rgc-2023';
  const term = options.noticeTerm === 'lenient' ? 15 : 16;
  const findings: JurisdictionFinding[] = [];
  const {
    noticeAfterDays: notice,
    throttleAfterDays: throttle,
    suspendAfterDays: suspend,
    cancelAfterDays: cancel,
  } = ladder;
  const firstRestriction = throttle ?? suspend;
  if (firstRestriction !== undefined && notice === undefined) {
    findings.push({
      code: 'NOTICE_REQUIRED',
      severity: 'error',
      field: 'ladder.noticeAfterDays',
      message: 'Anatel requires a written debt notice before any restriction',
    });
  }
  if (firstRestriction !== undefined && notice !== undefined && firstRestriction < notice + term) {
    findings.push({
      code: 'RESTRICTION_BEFORE_NOTICE_PERIOD',
      severity: 'error',
      field: throttle !== undefined ? 'ladder.throttleAfterDays' : 'ladder.suspendAfterDays',
      message: `no restriction before notice + ${term} days (day ${notice + term}); the ladder restricts on day ${firstRestriction}`,
    });
  }
  if (regime === 'rgc-2014' && suspend !== undefined) {
    const partial = throttle ?? (notice === undefined ? suspend : notice + term);
    if (suspend < partial + 30) {
      findings.push({
        code: 'TOTAL_SUSPENSION_TOO_EARLY',
        severity: 'error',
        field: 'ladder.suspendAfterDays',
        message: `RGC/2014: total suspension at least 30 days after the partial one (day ${partial + 30})`,
      });
    }
  }
  if (cancel !== undefined && suspend !== undefined) {
    const gap = regime === 'rgc-2014' ? 30 : 60;
    const afterSuspension = ladder.cancelAnchor === 'suspension' ? cancel : cancel - suspend;
    if (afterSuspension < gap) {
      findings.push({
        code: 'RESCISSION_TOO_EARLY',
        severity: 'error',
        field: 'ladder.cancelAfterDays',
        message: `rescission at least ${gap} days after suspension; the ladder rescinds ${afterSuspension} day(s) after`,
      });
    }
  }
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0)
    return err(ladderViolatesJurisdiction(`br-consumer (${regime})`, [...findings, ...warnings]));
  return ok({ ladder, warnings });
}
