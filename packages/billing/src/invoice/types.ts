import type { LocalDate, Period } from '../dates/local-date';
import type { Explanation } from '../explain/explanation';
import type { CurrencyCode } from '../money/currency';
import type { RoundingMode } from '../money/rounding';

/** A decimal amount as a string, e.g. "60.00". */
export type DecimalString = string;

/** What a line is. `fine` and `interest` are late charges; `fee` covers reconnection and similar charges. */
export type LineKind =
  | 'service'
  | 'item'
  | 'installment'
  | 'discount'
  | 'proration'
  | 'fine'
  | 'interest'
  | 'fee'
  | 'adjustment';

export const LINE_KINDS: readonly LineKind[] = Object.freeze([
  'service',
  'item',
  'installment',
  'discount',
  'proration',
  'fine',
  'interest',
  'fee',
  'adjustment',
]);

/** Whether a line adds to (`charge`) or subtracts from (`credit`) the invoice. Amounts are never negative. */
export type LineEffect = 'charge' | 'credit';

export interface InstallmentRef {
  readonly planId: string;
  /** 1-based part number. */
  readonly index: number;
  readonly count: number;
  /** "k/n". */
  readonly label: string;
}

export interface InvoiceLine {
  readonly id: string;
  readonly kind: LineKind;
  readonly effect: LineEffect;
  readonly description: string;
  /** Non-negative, in the currency's minor unit. */
  readonly amount: DecimalString;
  /** Penalty lines (fines, interest, late fees) never serve as the base of a new fine or interest. */
  readonly penalty: boolean;
  /** The service period the line refers to, when it has one. */
  readonly period?: Period;
  /** The due date of the invoice the line was first billed on (kept when the line is moved by a merge). */
  readonly originalDueDate?: LocalDate;
  /** The invoice the line was moved from by a merge. */
  readonly movedFrom?: string;
  readonly installment?: InstallmentRef;
  /** For late-charge lines: the date the charge was computed up to. */
  readonly asOf?: LocalDate;
  readonly explanation?: Explanation;
}

export interface Payment {
  readonly id: string;
  readonly date: LocalDate;
  readonly amount: DecimalString;
}

export type InvoiceStatus = 'open' | 'partially-paid' | 'paid' | 'cancelled' | 'transferred';

/** Late fine: a percentage of the principal, once (default 2 %), or a fixed amount. */
export type FineTerms =
  | { readonly kind: 'percent'; readonly percent: DecimalString }
  | { readonly kind: 'fixed'; readonly amount: DecimalString }
  | { readonly kind: 'none' };

/**
 * Late interest on the principal, per calendar day late.
 * - `basis`: `'30-day'` (monthly rate ÷ 30 per day, default), `'actual-month'` (÷ days of the month the
 *   late day falls in), `'annual-365'` (monthly rate × 12 ÷ 365 per day).
 * - `method`: `'rate'` (one rounding of the whole line, default) or `'value-per-day'` (the per-day value is
 *   rounded first and multiplied by the days, as boletos do).
 * - `compounding`: `'simple'` (default) or `'compound'` (monthly capitalisation; rejected by the BR-consumer
 *   profile).
 */
export interface InterestTerms {
  readonly monthlyPercent: DecimalString;
  readonly basis?: InterestBasis;
  readonly method?: InterestMethod;
  readonly compounding?: Compounding;
}

export type InterestBasis = '30-day' | 'actual-month' | 'annual-365';
export type InterestMethod = 'rate' | 'value-per-day';
export type Compounding = 'simple' | 'compound';

/** Early-payment (punctuality) discount, kept when paid on or before the (effective) due date. */
export type EarlyPaymentDiscount =
  | { readonly kind: 'fixed'; readonly amount: DecimalString }
  | { readonly kind: 'percent'; readonly percent: DecimalString };

/** Where days late are counted from. */
export type LateFrom = 'effective-due-date' | 'original-due-date';

/** The charging terms copied onto each invoice when it is generated. */
export interface InvoiceTerms {
  readonly fine?: FineTerms;
  readonly interest?: InterestTerms;
  readonly earlyPaymentDiscount?: EarlyPaymentDiscount;
  readonly lateFrom?: LateFrom;
}

export interface TransferInfo {
  readonly to: string;
  readonly on: LocalDate;
  /** Balance moved to the target invoice. */
  readonly amount: DecimalString;
  readonly lineIds: readonly string[];
}

export interface Invoice {
  /** Unique id; generated invoices use their idempotency key. */
  readonly id: string;
  /** Idempotency key `(contractId, periodStart)`, see `invoiceKey`. */
  readonly key: string;
  readonly contractId: string;
  readonly currency: CurrencyCode;
  readonly rounding: RoundingMode;
  readonly issueDate: LocalDate;
  readonly dueDate: LocalDate;
  readonly period: Period;
  readonly lines: readonly InvoiceLine[];
  readonly payments: readonly Payment[];
  readonly status: InvoiceStatus;
  readonly terms: InvoiceTerms;
  readonly cancelledOn?: LocalDate;
  readonly transfer?: TransferInfo;
}

/** A predicate telling whether a calendar date is not a business day (weekend, holiday, bank closed). */
export type NonBusinessDay = (date: LocalDate) => boolean;
