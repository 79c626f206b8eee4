import { daysInMonth, fromEpochDay } from '../dates/local-date';
import type { Explanation } from '../explain/explanation';
import { flat, makeExplanation } from '../explain/make-explanation';
import type { ResolvedTerms } from '../invoice/terms';
import { type Dec, ZERO } from '../money/decimal';
import {
  decimalOfRatio,
  MAX_DENOMINATOR,
  minorOf,
  mulSafe,
  roundQuotient,
  scaledOf,
  tenTo,
} from '../money/exact-ratio';
import type { RoundingMode } from '../money/rounding';

/** A stretch of days during which the same principal was outstanding. */
export interface Segment {
  readonly base: Dec;
  /** Epoch day the stretch starts after (exclusive) … ends on (inclusive). */
  readonly from: number;
  readonly to: number;
}

/** An amount computed on integers: the exact value as a decimal string and the rounded amount in minor units. */
export interface ExactAmount {
  /** As the package's decimal constructor writes the exact value (`Dec#toString`). */
  readonly raw: string;
  readonly minor: number;
}

/** Interest computed on integers, with the formula and inputs of its explanation. */
export interface ExactInterest extends ExactAmount {
  readonly formula: string;
  readonly inputs: Record<string, string | number>;
}

/** The late days in (from, to] grouped by month: [days in the group, days of that month]. */
export function monthGroups(from: number, to: number): [number, number][] {
  const groups: [number, number][] = [];
  let day = from + 1;
  while (day <= to) {
    const ymd = fromEpochDay(day);
    const dim = daysInMonth(ymd.year, ymd.month);
    const last = Math.min(day + (dim - ymd.day), to);
    groups.push([last - day + 1, dim]);
    day = last + 1;
  }
  return groups;
}

/** A denominator usable for the long division and rounding, or `undefined`. */
const denominator = (d: number | undefined): number | undefined =>
  d !== undefined && d > 0 && d <= MAX_DENOMINATOR ? d : undefined;

/**
 * The fine `principal × percent ÷ 100` on integers: the same exact value and rounded amount as the decimal
 * computation, or `undefined` when an intermediate product would leave the safe integers.
 */
export function exactPercentFine(
  base: Dec,
  percent: Dec,
  scale: number,
  mode: RoundingMode,
): ExactAmount | undefined {
  const b = minorOf(base, scale);
  const p = scaledOf(percent);
  if (b === undefined || p === undefined) return undefined;
  const n = mulSafe(b, p.int);
  const dMinor = denominator(mulSafe(100, tenTo(p.places)));
  const d = denominator(mulSafe(dMinor, tenTo(scale)));
  if (n === undefined || dMinor === undefined || d === undefined) return undefined;
  return { raw: decimalOfRatio(n, d), minor: roundQuotient(n, dMinor, mode) };
}

/**
 * Simple interest on integers, with the same raw value, amount, formula and inputs as the decimal
 * computation: every basis with the value-per-day method, and the rate method on the 30-day and annual-365
 * bases. `undefined` (the caller computes in decimals) for compound interest, the actual-month rate method,
 * more than one segment under the rate method, and whenever an intermediate product would leave the safe
 * integers.
 */
export function exactSimpleInterest(
  terms: NonNullable<ResolvedTerms['interest']>,
  segments: readonly Segment[],
  scale: number,
  mode: RoundingMode,
): ExactInterest | undefined {
  if (terms.compounding !== 'simple') return undefined;
  const perDayMethod = terms.method === 'value-per-day';
  if (!perDayMethod && terms.basis === 'actual-month') return undefined;
  const r = terms.monthlyPercent;
  const rate = scaledOf(r);
  const unit = tenTo(scale);
  const rateUnit = rate === undefined ? undefined : tenTo(rate.places);
  if (rate === undefined || unit === undefined || rateUnit === undefined) return undefined;
  const rs = r.toString();
  const parts: string[] = [];
  let totalDays = 0;
  let perDayTotal = 0;
  let raw: string | undefined;
  let minor: number | undefined;
  let active = 0;
  for (const seg of segments) {
    const days = seg.to - seg.from;
    if (days <= 0 || seg.base.isZero()) continue;
    active++;
    if (!perDayMethod && active > 1) return undefined;
    const base = minorOf(seg.base, scale);
    const product = mulSafe(base, rate.int);
    if (product === undefined) return undefined;
    totalDays += days;
    const b = seg.base.toString();
    if (perDayMethod) {
      if (terms.basis === 'actual-month') {
        for (const [count, dim] of monthGroups(seg.from, seg.to)) {
          const d = denominator(mulSafe(mulSafe(rateUnit, 100 * dim), unit));
          if (d === undefined) return undefined;
          const perDay = roundQuotient(product, d / unit, mode);
          const sum = mulSafe(perDay, count);
          if (sum === undefined) return undefined;
          perDayTotal += sum;
          parts.push(flat('round(', b, ' × ', rs, '% ÷ ', String(dim), ') × ', String(count)));
        }
      } else {
        const thirty = terms.basis === '30-day';
        const n = thirty ? product : mulSafe(product, 12);
        const d = denominator(mulSafe(mulSafe(rateUnit, thirty ? 3000 : 36500), unit));
        if (n === undefined || d === undefined) return undefined;
        const perDay = roundQuotient(n, d / unit, mode);
        const sum = mulSafe(perDay, days);
        if (sum === undefined) return undefined;
        perDayTotal += sum;
        const dayText = String(days);
        parts.push(
          thirty
            ? flat(
                'round(',
                b,
                ' × ',
                rs,
                '% ÷ 30) × ',
                dayText,
                ' = ',
                decimalOfRatio(perDay, unit),
                ' × ',
                dayText,
              )
            : flat('round(', b, ' × ', rs, '% × 12 ÷ 365) × ', dayText),
        );
      }
      if (perDayTotal > Number.MAX_SAFE_INTEGER) return undefined;
    } else {
      const thirty = terms.basis === '30-day';
      const n = mulSafe(thirty ? product : mulSafe(product, 12), days);
      const dMinor = denominator(mulSafe(rateUnit, thirty ? 3000 : 36500));
      const d = denominator(mulSafe(dMinor, unit));
      if (n === undefined || dMinor === undefined || d === undefined) return undefined;
      raw = decimalOfRatio(n, d);
      minor = roundQuotient(n, dMinor, mode);
      parts.push(
        thirty
          ? flat(b, ' × ', rs, '% × ', String(days), ' ÷ 30')
          : flat(b, ' × ', rs, '% × 12 × ', String(days), ' ÷ 365'),
      );
    }
  }
  if (active === 0) return undefined;
  if (perDayMethod) {
    raw = decimalOfRatio(perDayTotal, unit);
    minor = perDayTotal;
  }
  if (raw === undefined || minor === undefined) return undefined;
  return {
    raw,
    minor,
    formula: parts.join(' + '),
    inputs: {
      monthlyPercent: rs,
      basis: terms.basis,
      method: terms.method,
      compounding: terms.compounding,
      days: totalDays,
    },
  };
}

/** The shared `rounding` record of explanations, per mode and scale (taken from the explanation builder). */
const roundings = new Map<string, Explanation['rounding']>();
function roundingOf(mode: RoundingMode, scale: number): Explanation['rounding'] {
  const key = `${mode}${scale}`;
  let r = roundings.get(key);
  if (r === undefined) {
    r = makeExplanation('', '', {}, ZERO, mode, scale, '', '').rounding;
    roundings.set(key, r);
  }
  return r;
}

/**
 * A decimal string (plain notation, no trailing zeros) shortened for the sentence as the explanation builder
 * does: more than 6 decimals are rounded half-up to 6 (then written without trailing zeros) and marked `…`.
 */
export function shortDecimal(text: string): string {
  const dot = text.indexOf('.');
  if (dot === -1 || text.length - dot - 1 <= 6) return text;
  const digits: number[] = [];
  for (let i = 0; i < dot + 7; i++) if (i !== dot) digits.push(text.charCodeAt(i) - 48);
  if (text.charCodeAt(dot + 7) >= 53 /* 5 */) {
    let i = digits.length - 1;
    while (i >= 0) {
      const d = (digits[i] as number) + 1;
      if (d < 10) {
        digits[i] = d;
        break;
      }
      digits[i] = 0;
      i--;
    }
    if (i < 0) digits.unshift(1);
  }
  const intLength = digits.length - 6;
  let end = digits.length;
  while (end > intLength && digits[end - 1] === 0) end--;
  const whole = digits.slice(0, intLength).join('');
  const frac = digits.slice(intLength, end).join('');
  return `${frac === '' ? whole : `${whole}.${frac}`}…`;
}

/** The explanation of an amount computed on integers, identical to the one the decimal computation builds. */
export function exactExplanation(
  code: string,
  formula: string,
  inputs: Readonly<Record<string, string | number>>,
  raw: string,
  mode: RoundingMode,
  scale: number,
  result: string,
  sentence: string,
): Explanation {
  return {
    code,
    formula,
    inputs,
    raw,
    rounding: roundingOf(mode, scale),
    result,
    text: flat(
      sentence,
      ': ',
      formula,
      ' = ',
      shortDecimal(raw),
      ', rounded ',
      mode,
      ' to ',
      String(scale),
      ' decimals = ',
      result,
      '.',
    ),
  };
}
