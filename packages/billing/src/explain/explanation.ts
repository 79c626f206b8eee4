import type { RoundingMode } from '../money/rounding';

/**
 * How an amount was computed (X7): the inputs, the formula, the exact (unrounded) result, the rounding
 * applied and a sentence a person can read. Plain, JSON-serialisable data.
 */
export interface Explanation {
  /** Stable machine code, e.g. `proration.actual-days`, `fine.percent`, `interest.simple-30`. */
  readonly code: string;
  /** The formula with named inputs, e.g. `price × days ÷ periodDays`. */
  readonly formula: string;
  /** Every input of the formula, as strings (amounts, rates, dates) or numbers (days). */
  readonly inputs: Readonly<Record<string, string | number>>;
  /** The exact result before rounding, as a decimal string. */
  readonly raw: string;
  readonly rounding: { readonly mode: RoundingMode; readonly scale: number };
  /** The rounded result as a decimal string in the currency's minor unit. */
  readonly result: string;
  /** The rendered sentence. */
  readonly text: string;
}
