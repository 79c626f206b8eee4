import { ok, type Result } from 'neverthrow';
import { effectiveDueDateCore } from '../dates/effective-due-date';
import { epochDayOf, type LocalDate } from '../dates/local-date';
import type { BillingError } from '../errors';
import type { Explanation } from '../explain/explanation';
import { flat, makeExplanation } from '../explain/make-explanation';
import type { ParsedInvoice } from '../invoice/read-invoice';
import type { ResolvedTerms } from '../invoice/terms';
import type { InvoiceLine, NonBusinessDay } from '../invoice/types';
import { type CurrencyCode, minorUnitsOf } from '../money/currency';
import { Dec, HUNDRED, ONE, ZERO } from '../money/decimal';
import { formatMinor } from '../money/exact-ratio';
import { formatDec } from '../money/money';
import { type RoundingMode, roundDec } from '../money/rounding';
import {
  exactExplanation,
  exactPercentFine,
  exactSimpleInterest,
  monthGroups,
  type Segment,
} from './late-charges-exact';

const TWELVE = new Dec(12);
const D365 = new Dec(365);
const D30 = new Dec(30);
const D3000 = new Dec(3000);

/** Late charges of an invoice as of a date. */
export interface LateCharges {
  readonly invoiceId: string;
  readonly asOf: LocalDate;
  readonly dueDate: LocalDate;
  readonly effectiveDueDate: LocalDate;
  /** Calendar days late as of `asOf` (0 when not late). */
  readonly daysLate: number;
  /** Principal outstanding at the effective due date: the base of the fine. */
  readonly principal: string;
  readonly fine?: InvoiceLine;
  readonly interest?: InvoiceLine;
  /** fine + interest. */
  readonly total: string;
}

export interface LateChargesCore {
  readonly result: LateCharges;
  readonly fine: Dec;
  readonly interest: Dec;
}

/** Σ over late days d in (from, to] of 1 / days of d's month. */
function actualMonthFactor(from: number, to: number): { factor: Dec; groups: [number, number][] } {
  let factor = ZERO;
  const groups = monthGroups(from, to);
  for (const [count, dim] of groups) factor = factor.plus(new Dec(count).div(dim));
  return { factor, groups };
}

function interestFor(
  terms: NonNullable<ResolvedTerms['interest']>,
  segments: readonly Segment[],
  scale: number,
  mode: RoundingMode,
): { raw: Dec; amount: Dec; formula: string; inputs: Record<string, string | number> } {
  const r = terms.monthlyPercent;
  const rs = r.toString();
  let raw = ZERO;
  let amount: Dec | undefined;
  let perDayTotal = ZERO;
  const parts: string[] = [];
  const inputs: Record<string, string | number> = {
    monthlyPercent: rs,
    basis: terms.basis,
    method: terms.method,
    compounding: terms.compounding,
  };
  let totalDays = 0;
  for (const seg of segments) {
    const days = seg.to - seg.from;
    if (days <= 0 || seg.base.isZero()) continue;
    totalDays += days;
    const b = seg.base.toString();
    if (terms.compounding === 'compound') {
      const months =
        terms.basis === '30-day'
          ? new Dec(days).div(D30)
          : terms.basis === 'annual-365'
            ? new Dec(days).times(TWELVE).div(D365)
            : actualMonthFactor(seg.from, seg.to).factor;
      raw = raw.plus(seg.base.times(ONE.plus(r.div(HUNDRED)).pow(months).minus(ONE)));
      parts.push(flat(b, ' × ((1 + ', rs, '%)^(', months.toDecimalPlaces(6).toString(), ' months) − 1)'));
      continue;
    }
    if (terms.basis === '30-day') {
      if (terms.method === 'value-per-day') {
        const perDay = roundDec(seg.base.times(r).div(D3000), scale, mode);
        perDayTotal = perDayTotal.plus(perDay.times(days));
        parts.push(
          flat(
            'round(',
            b,
            ' × ',
            rs,
            '% ÷ 30) × ',
            String(days),
            ' = ',
            perDay.toString(),
            ' × ',
            String(days),
          ),
        );
      } else {
        raw = raw.plus(seg.base.times(r).times(days).div(D3000));
        parts.push(flat(b, ' × ', rs, '% × ', String(days), ' ÷ 30'));
      }
    } else if (terms.basis === 'annual-365') {
      if (terms.method === 'value-per-day') {
        const perDay = roundDec(seg.base.times(r).times(TWELVE).div(HUNDRED).div(D365), scale, mode);
        perDayTotal = perDayTotal.plus(perDay.times(days));
        parts.push(flat('round(', b, ' × ', rs, '% × 12 ÷ 365) × ', String(days)));
      } else {
        raw = raw.plus(seg.base.times(r).times(TWELVE).times(days).div(HUNDRED).div(D365));
        parts.push(flat(b, ' × ', rs, '% × 12 × ', String(days), ' ÷ 365'));
      }
    } else {
      const { factor, groups } = actualMonthFactor(seg.from, seg.to);
      if (terms.method === 'value-per-day') {
        for (const [count, dim] of groups) {
          const perDay = roundDec(seg.base.times(r).div(HUNDRED).div(dim), scale, mode);
          perDayTotal = perDayTotal.plus(perDay.times(count));
          parts.push(flat('round(', b, ' × ', rs, '% ÷ ', String(dim), ') × ', String(count)));
        }
      } else {
        raw = raw.plus(seg.base.times(r).times(factor).div(HUNDRED));
        parts.push(`${b} × ${rs}% × (${groups.map(([c, d]) => `${c}/${d}`).join(' + ')})`);
      }
    }
  }
  inputs.days = totalDays;
  if (terms.method === 'value-per-day' && terms.compounding === 'simple') {
    raw = perDayTotal;
    amount = perDayTotal;
  }
  return {
    raw,
    amount: amount ?? roundDec(raw, scale, mode),
    formula: parts.length === 0 ? '0' : parts.join(' + '),
    inputs,
  };
}

function explanationOf(
  code: string,
  formula: string,
  inputs: Record<string, string | number>,
  raw: Dec,
  amount: Dec,
  currency: CurrencyCode,
  mode: RoundingMode,
  sentence: string,
): Explanation {
  return makeExplanation(
    code,
    formula,
    inputs,
    raw,
    mode,
    minorUnitsOf(currency),
    formatDec(amount, currency),
    sentence,
  );
}

/**
 * Internal: fine and interest of a parsed invoice as of `asOf`. Payments reduce the principal first;
 * interest accrues on the principal outstanding each day; the fine is charged once on the principal
 * outstanding at the effective due date.
 */
export function lateChargesCore(
  p: ParsedInvoice,
  asOf: LocalDate,
  isNonBusinessDay: NonBusinessDay | undefined,
  /** Compute on integers where that is exact (the default); `false` always computes in decimals. */
  exact = true,
): Result<LateChargesCore, BillingError> {
  const inv = p.invoice;
  const none = (effective: LocalDate, daysLate: number, principal: Dec): LateChargesCore => ({
    result: {
      invoiceId: inv.id,
      asOf,
      dueDate: inv.dueDate,
      effectiveDueDate: effective,
      daysLate,
      principal: formatDec(principal, p.currency),
      total: formatDec(ZERO, p.currency),
    },
    fine: ZERO,
    interest: ZERO,
  });
  // Cheap exits: nothing can be late on or before the nominal due date.
  if (asOf <= inv.dueDate) return ok(none(inv.dueDate, 0, p.principal));
  const eff = effectiveDueDateCore(inv.dueDate, isNonBusinessDay);
  if (eff.isErr()) return eff.map(() => none(inv.dueDate, 0, p.principal));
  const effective = eff.value;
  if (asOf <= effective) return ok(none(effective, 0, p.principal));

  const terms = p.terms;
  const startDate = terms.lateFrom === 'original-due-date' ? inv.dueDate : effective;
  const start = epochDayOf(startDate);
  const end = epochDayOf(asOf);
  const daysLate = end - start;

  // Principal outstanding at the effective due date (payments made by then are on time).
  let outstanding = p.principal;
  let idx = 0;
  const pays = p.payments;
  while (idx < pays.length && pays[idx]!.date <= effective) {
    outstanding = outstanding.minus(pays[idx]!.amount);
    idx++;
  }
  if (outstanding.isNegative()) outstanding = ZERO;
  const fineBase = outstanding;
  const inactive = inv.status === 'cancelled' || inv.status === 'transferred';
  if (inactive || fineBase.isZero() || (terms.fine === undefined && terms.interest === undefined)) {
    return ok(none(effective, daysLate, fineBase));
  }

  const scale = minorUnitsOf(p.currency);
  const mode = p.mode;
  const principalText = formatDec(fineBase, p.currency);
  let fineLine: InvoiceLine | undefined;
  let fine = ZERO;
  if (terms.fine !== undefined) {
    if (terms.fine.kind === 'percent') {
      const percent = terms.fine.value.toString();
      const base = fineBase.toString();
      const formula = flat('principal × finePercent ÷ 100 = ', base, ' × ', percent, ' ÷ 100');
      const inputs = { principal: base, finePercent: percent, daysLate, from: startDate };
      const sentence = `Fine charged once, ${daysLate} days late (from ${startDate})`;
      const fast = exact ? exactPercentFine(fineBase, terms.fine.value, scale, mode) : undefined;
      let amount: string;
      let explanation: Explanation;
      if (fast === undefined) {
        const raw = fineBase.times(terms.fine.value).div(HUNDRED);
        fine = roundDec(raw, scale, mode);
        amount = formatDec(fine, p.currency);
        explanation = explanationOf('fine.percent', formula, inputs, raw, fine, p.currency, mode, sentence);
      } else {
        amount = formatMinor(fast.minor, scale);
        fine = new Dec(amount);
        explanation = exactExplanation(
          'fine.percent',
          formula,
          inputs,
          fast.raw,
          mode,
          scale,
          amount,
          sentence,
        );
      }
      fineLine = {
        id: `${inv.id}:fine`,
        kind: 'fine',
        effect: 'charge',
        description: flat('Late fine of ', percent, ' % on ', principalText),
        amount,
        penalty: true,
        asOf,
        explanation,
      };
    } else {
      fine = terms.fine.value;
      fineLine = {
        id: `${inv.id}:fine`,
        kind: 'fine',
        effect: 'charge',
        description: flat('Late fee of ', formatDec(fine, p.currency)),
        amount: formatDec(fine, p.currency),
        penalty: true,
        asOf,
        explanation: explanationOf(
          'fine.fixed',
          'fixed amount',
          { amount: fine.toString(), daysLate, from: startDate },
          fine,
          fine,
          p.currency,
          mode,
          `Fixed late fee, ${daysLate} days late (from ${startDate})`,
        ),
      };
    }
  }

  let interestLine: InvoiceLine | undefined;
  let interest = ZERO;
  if (terms.interest !== undefined) {
    // Payments after the late start reduce the principal from their date on.
    // Under the original-due-date rule interest runs from the original due date on the principal
    // outstanding at the effective due date.
    let base = outstanding;
    const segments: Segment[] = [];
    let from = start;
    while (idx < pays.length && pays[idx]!.date < asOf) {
      const payDay = epochDayOf(pays[idx]!.date);
      if (payDay > from) {
        segments.push({ base, from, to: payDay });
        from = payDay;
      }
      base = base.minus(pays[idx]!.amount);
      if (base.isNegative()) base = ZERO;
      idx++;
    }
    segments.push({ base, from, to: end });
    const ti = terms.interest;
    const code = `interest.${ti.compounding}.${ti.basis}${ti.method === 'value-per-day' ? '.value-per-day' : ''}`;
    const rate = ti.monthlyPercent.toString();
    const sentence = `Interest of ${rate} % a month (${ti.compounding}, ${ti.basis} basis) for ${daysLate} days late from ${startDate} to ${asOf}`;
    const fast = exact ? exactSimpleInterest(ti, segments, scale, mode) : undefined;
    let amount: string;
    let explanation: Explanation;
    if (fast === undefined) {
      const computed = interestFor(ti, segments, scale, mode);
      interest = computed.amount;
      amount = formatDec(interest, p.currency);
      computed.inputs.principal = fineBase.toString();
      computed.inputs.from = startDate;
      computed.inputs.asOf = asOf;
      explanation = explanationOf(
        code,
        computed.formula,
        computed.inputs,
        computed.raw,
        interest,
        p.currency,
        mode,
        sentence,
      );
    } else {
      amount = formatMinor(fast.minor, scale);
      interest = new Dec(amount);
      fast.inputs.principal = fineBase.toString();
      fast.inputs.from = startDate;
      fast.inputs.asOf = asOf;
      explanation = exactExplanation(
        code,
        fast.formula,
        fast.inputs,
        fast.raw,
        mode,
        scale,
        amount,
        sentence,
      );
    }
    interestLine = {
      id: `${inv.id}:interest`,
      kind: 'interest',
      effect: 'charge',
      description: flat('Late interest of ', rate, ' % a month for ', String(daysLate), ' days'),
      amount,
      penalty: true,
      asOf,
      explanation,
    };
  }

  return ok({
    result: {
      invoiceId: inv.id,
      asOf,
      dueDate: inv.dueDate,
      effectiveDueDate: effective,
      daysLate,
      principal: principalText,
      ...(fineLine !== undefined ? { fine: fineLine } : {}),
      ...(interestLine !== undefined ? { interest: interestLine } : {}),
      total: formatDec(fine.plus(interest), p.currency),
    },
    fine,
    interest,
  });
}
