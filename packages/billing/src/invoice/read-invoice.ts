import { err, ok, type Result } from 'neverthrow';
import type { LocalDate } from '../dates/local-date';
import { type BillingError, invalidInput } from '../errors';
import { type CurrencyCode, minorUnits } from '../money/currency';
import { type Dec, ZERO } from '../money/decimal';
import { ROUNDING_MODES, type RoundingMode } from '../money/rounding';
import {
  optional,
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
  /** Payments sorted by date. */
  readonly payments: readonly ParsedPayment[];
}

function readLine(
  value: unknown,
  field: string,
  scale: number,
): Result<{ line: InvoiceLine; amount: Dec }, BillingError> {
  const o = readObject(value, field);
  if (o.isErr()) return err(o.error);
  const v = o.value;
  const id = readString(v.id, `${field}.id`);
  if (id.isErr()) return err(id.error);
  const kind = readEnum(v.kind, `${field}.kind`, LINE_KINDS);
  if (kind.isErr()) return err(kind.error);
  const effect = readEnum(v.effect, `${field}.effect`, ['charge', 'credit'] as readonly LineEffect[]);
  if (effect.isErr()) return err(effect.error);
  const description = readString(v.description, `${field}.description`);
  if (description.isErr()) return err(description.error);
  const amount = readAmount(v.amount, `${field}.amount`, scale);
  if (amount.isErr()) return err(amount.error);
  const penalty = readBoolean(v.penalty, `${field}.penalty`);
  if (penalty.isErr()) return err(penalty.error);
  if (v.period !== undefined) {
    const p = readPeriod(v.period, `${field}.period`);
    if (p.isErr()) return err(p.error);
  }
  if (v.originalDueDate !== undefined) {
    const d = readDate(v.originalDueDate, `${field}.originalDueDate`);
    if (d.isErr()) return err(d.error);
  }
  if (v.asOf !== undefined) {
    const d = readDate(v.asOf, `${field}.asOf`);
    if (d.isErr()) return err(d.error);
  }
  if (v.movedFrom !== undefined) {
    const m = readString(v.movedFrom, `${field}.movedFrom`);
    if (m.isErr()) return err(m.error);
  }
  return ok({ line: value as InvoiceLine, amount: amount.value });
}

/** Validates an invoice received from an untyped caller and computes its sums. */
export function readInvoice(value: unknown, field = 'invoice'): Result<ParsedInvoice, BillingError> {
  const o = readObject(value, field);
  if (o.isErr()) return err(o.error);
  const v = o.value;
  for (const key of ['id', 'key', 'contractId'] as const) {
    const s = readString(v[key], `${field}.${key}`);
    if (s.isErr()) return err(s.error);
  }
  const currency = readCurrency(v.currency, `${field}.currency`);
  if (currency.isErr()) return err(currency.error);
  const scale = minorUnits(currency.value);
  const mode = optional(v.rounding, 'half-up' as RoundingMode, (x) =>
    readEnum(x, `${field}.rounding`, ROUNDING_MODES),
  );
  if (mode.isErr()) return err(mode.error);
  const issueDate = readDate(v.issueDate, `${field}.issueDate`);
  if (issueDate.isErr()) return err(issueDate.error);
  const dueDate = readDate(v.dueDate, `${field}.dueDate`);
  if (dueDate.isErr()) return err(dueDate.error);
  const period = readPeriod(v.period, `${field}.period`);
  if (period.isErr()) return err(period.error);
  const status = readEnum(v.status, `${field}.status`, INVOICE_STATUSES);
  if (status.isErr()) return err(status.error);
  const terms = resolveTerms(v.terms, currency.value, `${field}.terms`);
  if (terms.isErr()) return err(terms.error);

  const lines = readArray(v.lines, `${field}.lines`, MAX_LINES);
  if (lines.isErr()) return err(lines.error);
  let total = ZERO;
  let principal = ZERO;
  const ids = new Set<string>();
  for (let i = 0; i < lines.value.length; i++) {
    const r = readLine(lines.value[i], `${field}.lines[${i}]`, scale);
    if (r.isErr()) return err(r.error);
    const { line, amount } = r.value;
    if (ids.has(line.id))
      return err(invalidInput(`${field}.lines[${i}].id`, `duplicate line id "${line.id}"`));
    ids.add(line.id);
    if (line.effect === 'charge') {
      total = total.plus(amount);
      if (!line.penalty) principal = principal.plus(amount);
    } else {
      total = total.minus(amount);
      if (!line.penalty) principal = principal.minus(amount);
    }
  }

  const payments = readArray(v.payments, `${field}.payments`, MAX_LINES);
  if (payments.isErr()) return err(payments.error);
  const parsed: ParsedPayment[] = [];
  for (let i = 0; i < payments.value.length; i++) {
    const pf = `${field}.payments[${i}]`;
    const p = readObject(payments.value[i], pf);
    if (p.isErr()) return err(p.error);
    const id = readString(p.value.id, `${pf}.id`);
    if (id.isErr()) return err(id.error);
    const date = readDate(p.value.date, `${pf}.date`);
    if (date.isErr()) return err(date.error);
    const amount = readAmount(p.value.amount, `${pf}.amount`, scale);
    if (amount.isErr()) return err(amount.error);
    parsed.push({ date: date.value, amount: amount.value });
  }
  parsed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  if (v.cancelledOn !== undefined) {
    const d = readDate(v.cancelledOn, `${field}.cancelledOn`);
    if (d.isErr()) return err(d.error);
  }
  return ok({
    invoice: value as Invoice,
    currency: currency.value,
    mode: mode.value,
    terms: terms.value,
    total,
    principal: principal.isNegative() ? ZERO : principal,
    payments: parsed,
  });
}

/** Sum of payments dated on or before `asOf` (all when undefined). */
export function paidUpTo(payments: readonly ParsedPayment[], asOf: LocalDate | undefined): Dec {
  let paid = ZERO;
  for (const p of payments) {
    if (asOf !== undefined && p.date > asOf) break;
    paid = paid.plus(p.amount);
  }
  return paid;
}

export type { Payment };
