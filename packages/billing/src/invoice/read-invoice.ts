import { err, ok, type Result } from 'neverthrow';
import type { LocalDate } from '../dates/local-date';
import { type BillingError, invalidInput } from '../errors';
import { type CurrencyCode, minorUnitsOf } from '../money/currency';
import { type Dec, ZERO } from '../money/decimal';
import { ROUNDING_MODES, type RoundingMode } from '../money/rounding';
import {
  amountOf,
  cachedDec,
  isDate,
  isRecord,
  isText,
  readAmount,
  readArray,
  readBoolean,
  readCurrency,
  readDate,
  readEnum,
  readObject,
  readPeriod,
  readString,
} from '../validation/read';
import { type ResolvedTerms, resolveTerms } from './terms';
import {
  type Invoice,
  type InvoiceLine,
  type InvoiceStatus,
  LINE_KINDS,
  type LineEffect,
  type Payment,
} from './types';

export const INVOICE_STATUSES: readonly InvoiceStatus[] = Object.freeze([
  'open',
  'partially-paid',
  'paid',
  'cancelled',
  'transferred',
]);

export const MAX_LINES = 1000;

export interface ParsedPayment {
  readonly date: LocalDate;
  readonly amount: Dec;
}

/** An invoice checked field by field, with its sums. */
export interface ParsedInvoice {
  readonly invoice: Invoice;
  readonly currency: CurrencyCode;
  readonly mode: RoundingMode;
  readonly terms: ResolvedTerms;
  /** Sum of charge lines minus credit lines. */
  readonly total: Dec;
  /** Non-penalty charges minus non-penalty credits, never below zero: the base of fines and interest. */
  readonly principal: Dec;
  /** The same sum before it is floored at zero. */
  readonly signedPrincipal: Dec;
  /** Payments sorted by date. */
  readonly payments: readonly ParsedPayment[];
}

const EFFECTS: readonly LineEffect[] = ['charge', 'credit'];
const LINE_KIND_SET: ReadonlySet<unknown> = new Set(LINE_KINDS);
const isEffect = (value: unknown): boolean => value === 'charge' || value === 'credit';

const lineAt = (field: string, index: number): string => `${field}.lines[${index}]`;
const paymentAt = (field: string, index: number): string => `${field}.payments[${index}]`;

/** The error of a reader known to fail (its field name is only built on this path). */
function failure<T>(r: Result<unknown, BillingError>): Result<T, BillingError> {
  if (r.isOk()) throw new Error('read-invoice: a failed check was accepted by its reader');
  return err(r.error);
}

/**
 * Checks one line. The fast checks accept exactly what the readers accept; a reader runs (and builds the
 * field name) only for the error.
 */
function readLine(
  value: unknown,
  field: string,
  index: number,
  scale: number,
): Result<{ line: InvoiceLine; amount: Dec }, BillingError> {
  if (!isRecord(value)) return failure(readObject(value, lineAt(field, index)));
  const v = value;
  if (!isText(v.id)) return failure(readString(v.id, `${lineAt(field, index)}.id`));
  if (!LINE_KIND_SET.has(v.kind))
    return failure(readEnum(v.kind, `${lineAt(field, index)}.kind`, LINE_KINDS));
  if (!isEffect(v.effect)) return failure(readEnum(v.effect, `${lineAt(field, index)}.effect`, EFFECTS));
  if (!isText(v.description))
    return failure(readString(v.description, `${lineAt(field, index)}.description`));
  const amount = amountOf(v.amount, scale);
  if (amount === undefined) return failure(readAmount(v.amount, `${lineAt(field, index)}.amount`, scale));
  if (typeof v.penalty !== 'boolean')
    return failure(readBoolean(v.penalty, `${lineAt(field, index)}.penalty`));
  if (v.period !== undefined) {
    const p = v.period;
    if (!isRecord(p) || !isDate(p.start) || !isDate(p.end) || !(p.end > p.start)) {
      return failure(readPeriod(v.period, `${lineAt(field, index)}.period`));
    }
  }
  if (v.originalDueDate !== undefined && !isDate(v.originalDueDate))
    return failure(readDate(v.originalDueDate, `${lineAt(field, index)}.originalDueDate`));
  if (v.asOf !== undefined && !isDate(v.asOf))
    return failure(readDate(v.asOf, `${lineAt(field, index)}.asOf`));
  if (v.movedFrom !== undefined && !isText(v.movedFrom))
    return failure(readString(v.movedFrom, `${lineAt(field, index)}.movedFrom`));
  return ok({ line: value as unknown as InvoiceLine, amount });
}

function readPayment(
  value: unknown,
  field: string,
  index: number,
  scale: number,
): Result<ParsedPayment, BillingError> {
  if (!isRecord(value)) return failure(readObject(value, paymentAt(field, index)));
  if (!isText(value.id)) return failure(readString(value.id, `${paymentAt(field, index)}.id`));
  if (!isDate(value.date)) return failure(readDate(value.date, `${paymentAt(field, index)}.date`));
  const amount = amountOf(value.amount, scale);
  if (amount === undefined)
    return failure(readAmount(value.amount, `${paymentAt(field, index)}.amount`, scale));
  return ok({ date: value.date, amount });
}

function hasIdBefore(lines: readonly InvoiceLine[], end: number, id: string): boolean {
  for (let j = 0; j < end; j++) if (lines[j]!.id === id) return true;
  return false;
}

const byDate = (a: ParsedPayment, b: ParsedPayment): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
const KEYS = ['id', 'key', 'contractId'] as const;

/** Validates an invoice received from an untyped caller and computes its sums. */
export function readInvoice(value: unknown, field = 'invoice'): Result<ParsedInvoice, BillingError> {
  if (!isRecord(value)) return failure(readObject(value, field));
  const v = value;
  for (const key of KEYS) {
    if (!isText(v[key])) return failure(readString(v[key], `${field}.${key}`));
  }
  const currency = readCurrency(v.currency, `${field}.currency`);
  if (currency.isErr()) return err(currency.error);
  const scale = minorUnitsOf(currency.value);
  let mode: RoundingMode = 'half-up';
  if (v.rounding !== undefined) {
    if (!(ROUNDING_MODES as readonly unknown[]).includes(v.rounding))
      return failure(readEnum(v.rounding, `${field}.rounding`, ROUNDING_MODES));
    mode = v.rounding as RoundingMode;
  }
  if (!isDate(v.issueDate)) return failure(readDate(v.issueDate, `${field}.issueDate`));
  if (!isDate(v.dueDate)) return failure(readDate(v.dueDate, `${field}.dueDate`));
  const period = v.period;
  if (!isRecord(period) || !isDate(period.start) || !isDate(period.end) || !(period.end > period.start))
    return failure(readPeriod(period, `${field}.period`));
  if (!(INVOICE_STATUSES as readonly unknown[]).includes(v.status))
    return failure(readEnum(v.status, `${field}.status`, INVOICE_STATUSES));
  const terms = resolveTerms(v.terms, currency.value, `${field}.terms`);
  if (terms.isErr()) return err(terms.error);

  const lines = v.lines;
  if (!Array.isArray(lines) || lines.length > MAX_LINES)
    return failure(readArray(lines, `${field}.lines`, MAX_LINES));
  let total = ZERO;
  let principal = ZERO;
  // Few lines (the usual case): compare ids pairwise instead of allocating a set.
  const ids = lines.length > 16 ? new Set<string>() : undefined;
  for (let i = 0; i < lines.length; i++) {
    const r = readLine(lines[i], field, i, scale);
    if (r.isErr()) return err(r.error);
    const { line, amount } = r.value;
    if (ids !== undefined ? ids.has(line.id) : hasIdBefore(lines as readonly InvoiceLine[], i, line.id))
      return err(invalidInput(`${field}.lines[${i}].id`, `duplicate line id "${line.id}"`));
    ids?.add(line.id);
    if (amount.isZero()) continue;
    if (line.effect === 'charge') {
      total = total.plus(amount);
      if (!line.penalty) principal = principal.plus(amount);
    } else {
      total = total.minus(amount);
      if (!line.penalty) principal = principal.minus(amount);
    }
  }

  const payments = v.payments;
  if (!Array.isArray(payments) || payments.length > MAX_LINES)
    return failure(readArray(payments, `${field}.payments`, MAX_LINES));
  const parsed: ParsedPayment[] = [];
  for (let i = 0; i < payments.length; i++) {
    const p = readPayment(payments[i], field, i, scale);
    if (p.isErr()) return err(p.error);
    parsed.push(p.value);
  }
  if (parsed.length > 1) parsed.sort(byDate);

  if (v.cancelledOn !== undefined && !isDate(v.cancelledOn))
    return failure(readDate(v.cancelledOn, `${field}.cancelledOn`));
  return ok({
    invoice: value as unknown as Invoice,
    currency: currency.value,
    mode,
    terms: terms.value,
    total,
    principal: principal.isNegative() ? ZERO : principal,
    signedPrincipal: principal,
    payments: parsed,
  });
}

/**
 * Internal: the parsed form of an invoice derived from an already parsed one by removing some of its lines
 * and appending new lines and a payment, without reading the unchanged lines again. Only what is new is
 * checked, with the errors a full {@link readInvoice} of `next` would give.
 */
export function extendParsed(
  p: ParsedInvoice,
  next: Invoice,
  removed: readonly InvoiceLine[],
  added: readonly InvoiceLine[],
  paymentAdded = false,
): Result<ParsedInvoice, BillingError> {
  const scale = minorUnitsOf(p.currency);
  let total = p.total;
  let principal = p.signedPrincipal;
  for (const line of removed) {
    const amount = cachedDec(line.amount);
    const signed = line.effect === 'charge' ? amount : amount.negated();
    total = total.minus(signed);
    if (!line.penalty) principal = principal.minus(signed);
  }
  if (added.length > 0) {
    const lines = next.lines;
    if (lines.length > MAX_LINES) return failure(readArray(lines, 'invoice.lines', MAX_LINES));
    const first = lines.length - added.length;
    for (let i = first; i < lines.length; i++) {
      const r = readLine(lines[i], 'invoice', i, scale);
      if (r.isErr()) return err(r.error);
      const { line, amount } = r.value;
      if (hasIdBefore(lines, i, line.id))
        return err(invalidInput(`invoice.lines[${i}].id`, `duplicate line id "${line.id}"`));
      if (line.effect === 'charge') {
        total = total.plus(amount);
        if (!line.penalty) principal = principal.plus(amount);
      } else {
        total = total.minus(amount);
        if (!line.penalty) principal = principal.minus(amount);
      }
    }
  }
  let payments = p.payments;
  if (paymentAdded) {
    const list = next.payments;
    if (list.length > MAX_LINES) return failure(readArray(list, 'invoice.payments', MAX_LINES));
    const at = list.length - 1;
    const r = readPayment(list[at], 'invoice', at, scale);
    if (r.isErr()) return err(r.error);
    // A stable sort puts the new payment after every payment dated on or before it.
    let k = payments.length;
    while (k > 0 && payments[k - 1]!.date > r.value.date) k--;
    payments = [...payments.slice(0, k), r.value, ...payments.slice(k)];
  }
  return ok({
    invoice: next,
    currency: p.currency,
    mode: p.mode,
    terms: p.terms,
    total,
    principal: principal.isNegative() ? ZERO : principal,
    signedPrincipal: principal,
    payments,
  });
}

/** Sum of payments dated on or before `asOf` (all when undefined). */
export function paidUpTo(payments: readonly ParsedPayment[], asOf: LocalDate | undefined): Dec {
  let paid = ZERO;
  for (const p of payments) {
    if (asOf !== undefined && p.date > asOf) break;
    paid = paid.isZero() ? p.amount : paid.plus(p.amount);
  }
  return paid;
}

export type { Payment };
