import { describe, expect, it } from 'vitest';
import { validateLadderForJurisdiction } from './jurisdiction';
import { BR_CONSUMER_LADDER, WEBMIKROTIK_LADDER } from './types';
import { validateLadder } from './validate-ladder';

const codes = (r: ReturnType<typeof validateLadderForJurisdiction>) =>
  r.isErr() && r.error.type === 'LadderViolatesJurisdiction' ? r.error.findings.map((f) => f.code) : [];

describe('validateLadderForJurisdiction', () => {
  it('keeps the WebMikrotik ladder 1/3/10/10 valid under the generic profile, with a warning', () => {
    const r = validateLadderForJurisdiction(WEBMIKROTIK_LADDER, 'generic')._unsafeUnwrap();
    expect(r.warnings.map((w) => w.code)).toEqual(['CANCEL_NOT_AFTER_SUSPEND']);
  });

  it('V39: rejects 1/3/10/10 for BR consumers (restriction before notice + 16, rescission too early)', () => {
    const r = validateLadderForJurisdiction(WEBMIKROTIK_LADDER, 'br-consumer');
    expect(r._unsafeUnwrapErr()).toMatchObject({ type: 'LadderViolatesJurisdiction', field: 'ladder' });
    expect(codes(r)).toEqual([
      'RESTRICTION_BEFORE_NOTICE_PERIOD',
      'RESCISSION_TOO_EARLY',
      'CANCEL_NOT_AFTER_SUSPEND',
    ]);
  });

  it('accepts the BR-consumer ladder (RGC/2023)', () => {
    expect(validateLadderForJurisdiction(BR_CONSUMER_LADDER, 'br-consumer').isOk()).toBe(true);
  });

  it('accepts notice + 15 only when lenient', () => {
    const ladder = { ...BR_CONSUMER_LADDER, suspendAfterDays: 16 };
    expect(codes(validateLadderForJurisdiction(ladder, 'br-consumer'))).toEqual([
      'RESTRICTION_BEFORE_NOTICE_PERIOD',
    ]);
    expect(validateLadderForJurisdiction(ladder, 'br-consumer', { noticeTerm: 'lenient' }).isOk()).toBe(true);
  });

  it('requires a notice step before restricting', () => {
    const { noticeAfterDays: _, ...noNotice } = BR_CONSUMER_LADDER;
    expect(codes(validateLadderForJurisdiction(noNotice, 'br-consumer'))).toEqual(['NOTICE_REQUIRED']);
  });

  it('checks rescission from the suspension under interpretation A too', () => {
    const a = { ...BR_CONSUMER_LADDER, cancelAnchor: 'due-date' as const, cancelAfterDays: 76 };
    expect(codes(validateLadderForJurisdiction(a, 'br-consumer'))).toEqual(['RESCISSION_TOO_EARLY']);
    expect(validateLadderForJurisdiction({ ...a, cancelAfterDays: 77 }, 'br-consumer').isOk()).toBe(true);
  });

  it('RGC/2014: partial at notice + 16, total 30 days later, rescission 30 days after that', () => {
    const ok2014 = {
      ...BR_CONSUMER_LADDER,
      throttleAfterDays: 17,
      suspendAfterDays: 47,
      cancelAfterDays: 30,
    };
    expect(validateLadderForJurisdiction(ok2014, 'br-consumer', { regime: 'rgc-2014' }).isOk()).toBe(true);
    expect(
      codes(
        validateLadderForJurisdiction({ ...ok2014, suspendAfterDays: 40 }, 'br-consumer', {
          regime: 'rgc-2014',
        }),
      ),
    ).toEqual(['TOTAL_SUSPENSION_TOO_EARLY']);
  });

  it('rejects an unknown jurisdiction', () => {
    expect(validateLadderForJurisdiction(WEBMIKROTIK_LADDER, 'xx' as never)._unsafeUnwrapErr()).toMatchObject(
      {
        type: 'InvalidInput',
        field: 'jurisdiction',
      },
    );
  });
});

describe('validateLadder', () => {
  it.each([
    [{ ...WEBMIKROTIK_LADDER, throttleAfterDays: 12 }, 'UnorderedLadder', 'ladder.suspendAfterDays'],
    [{ ...WEBMIKROTIK_LADDER, noticeAfterDays: 5 }, 'UnorderedLadder', 'ladder.throttleAfterDays'],
    [{ ...WEBMIKROTIK_LADDER, cancelAfterDays: 9 }, 'UnorderedLadder', 'ladder.cancelAfterDays'],
    [{ ...WEBMIKROTIK_LADDER, suspendAfterDays: undefined }, 'UnorderedLadder', 'ladder.cancelAfterDays'],
    [{ ...WEBMIKROTIK_LADDER, noticeAfterDays: 0 }, 'InvalidInput', 'ladder.noticeAfterDays'],
    [{ ...WEBMIKROTIK_LADDER, throttleAfterDays: 2.5 }, 'InvalidInput', 'ladder.throttleAfterDays'],
    [
      { ...WEBMIKROTIK_LADDER, suspendExceptWeekdays: ['caturday'] },
      'InvalidInput',
      'ladder.suspendExceptWeekdays[0]',
    ],
    [
      {
        ...WEBMIKROTIK_LADDER,
        suspendExceptWeekdays: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
      },
      'InvalidInput',
      'ladder.suspendExceptWeekdays',
    ],
    [{ ...WEBMIKROTIK_LADDER, cancelAnchor: 'whenever' }, 'InvalidInput', 'ladder.cancelAnchor'],
    [JSON.parse('{"__proto__": {}, "suspendExceptWeekdays": []}'), 'InvalidInput', 'ladder.__proto__'],
  ])('rejects %j', (ladder, type, field) => {
    expect(validateLadder(ladder)._unsafeUnwrapErr()).toMatchObject({ type, field });
  });

  it('allows cancel 0 days after the suspension under interpretation B, and normalises weekdays', () => {
    const r = validateLadder({
      suspendAfterDays: 5,
      cancelAfterDays: 0,
      cancelAnchor: 'suspension',
      suspendExceptWeekdays: ['sunday', 'saturday', 'sunday'],
    })._unsafeUnwrap();
    expect(r).toEqual({
      suspendAfterDays: 5,
      cancelAfterDays: 0,
      cancelAnchor: 'suspension',
      suspendExceptWeekdays: ['sunday', 'saturday'],
      suspendExceptHolidays: false,
    });
  });
});
