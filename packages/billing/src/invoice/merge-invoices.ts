import { err, ok, type Result } from 'neverthrow';
import type { LocalDate } from '../dates/local-date';
import { type BillingError, currencyMismatch, invalidInput, nothingToMerge } from '../errors';
import { type CalendarOptions, readCalendar } from '../late/late-charges';
import { Dec } from '../money/decimal';
import { formatDec } from '../money/money';
import { readArray, readDate } from '../validation/read';
import { applyLateChargesCore } from './apply-late-charges';
import { summaryCore } from './invoice-summary';
import { type ParsedInvoice, readInvoice } from './read-invoice';
import type { Invoice, InvoiceLine } from './types';

export interface MergeOptions extends CalendarOptions {
  /**
   * Put each source's late charges as of the merge date on it before moving its lines (they move as
   * penalty lines). Default false: only the lines already on the sources move.
   */
  readonly applyLateCharges?: boolean;
}

export interface MergeResult {
  /** The latest pending invoice, now holding every moved line. */
  readonly target: Invoice;
  /** The other pending invoices, now `transferred` with balance 0. */
  readonly sources: readonly Invoice[];
  /** All invoices in the order given, with target and sources replaced. */
  readonly invoices: readonly Invoice[];
  /** Balance of the target after the merge (the sum of the pending balances). */
  readonly balance: string;
}

const isPending = (inv: Invoice): boolean => inv.status === 'open' || inv.status === 'partially-paid';

const later = (a: Invoice, b: Invoice): boolean =>
  a.issueDate !== b.issueDate
    ? a.issueDate > b.issueDate
    : a.dueDate !== b.dueDate
      ? a.dueDate > b.dueDate
      : a.id > b.id;

/**
 * Merges a contract's pending invoices into the latest one (W9): every line of the other pending invoices
 * is moved (not copied) to it, keeping its own period and original due date and the id of the invoice it
 * came from; payments already made on a source move as one credit line. Sources become `transferred` with
 * balance 0. The target keeps its due date; its later fines and interest count only non-penalty lines.
 */
export function mergeInvoices(
  invoices: readonly Invoice[],
  date: LocalDate,
  options?: MergeOptions,
): Result<MergeResult, BillingError> {
  const cal = readCalendar(options);
  if (cal.isErr()) return err(cal.error);
  const list = readArray(invoices, 'invoices');
  if (list.isErr()) return err(list.error);
  const d = readDate(date, 'date');
  if (d.isErr()) return err(d.error);
  const parsed: ParsedInvoice[] = [];
  for (let i = 0; i < list.value.length; i++) {
    const p = readInvoice(list.value[i], `invoices[${i}]`);
    if (p.isErr()) return err(p.error);
    parsed.push(p.value);
  }
  const pending = parsed.filter((p) => isPending(p.invoice));
  if (pending.length < 2)
    return err(nothingToMerge('invoices', 'merging needs at least two pending invoices'));
  let target = pending[0]!;
  for (const p of pending) if (later(p.invoice, target.invoice)) target = p;
  for (const p of pending) {
    if (p.currency !== target.currency) {
      return err(
        currencyMismatch('invoices', `invoice ${p.invoice.id} is in ${p.currency}, not ${target.currency}`),
      );
    }
    if (p.invoice.contractId !== target.invoice.contractId) {
      return err(invalidInput('invoices', `invoice ${p.invoice.id} belongs to another contract`));
    }
  }

  const moved: InvoiceLine[] = [];
  const replaced = new Map<string, Invoice>();
  for (const source of pending) {
    if (source === target) continue;
    let src = source;
    if (options?.applyLateCharges === true) {
      const applied = applyLateChargesCore(source, d.value, cal.value);
      if (applied.isErr()) return err(applied.error);
      const re = readInvoice(applied.value);
      if (re.isErr()) return err(re.error);
      src = re.value;
    }
    const inv = src.invoice;
    const summary = summaryCore(src, undefined);
    const ids: string[] = [];
    for (const line of inv.lines) {
      const id = line.movedFrom === undefined ? `${inv.id}/${line.id}` : line.id;
      ids.push(id);
      moved.push({
        ...line,
        id,
        period: line.period ?? inv.period,
        originalDueDate: line.originalDueDate ?? inv.dueDate,
        movedFrom: line.movedFrom ?? inv.id,
      });
    }
    const paid = new Dec(summary.paid);
    if (!paid.isZero()) {
      const id = `${inv.id}/payments`;
      ids.push(id);
      moved.push({
        id,
        kind: 'adjustment',
        effect: 'credit',
        description: `Payments received on invoice ${inv.id}`,
        amount: summary.paid,
        penalty: false,
        period: inv.period,
        originalDueDate: inv.dueDate,
        movedFrom: inv.id,
      });
    }
    replaced.set(inv.id, {
      ...inv,
      lines: [],
      status: 'transferred',
      transfer: { to: target.invoice.id, on: d.value, amount: summary.balance, lineIds: ids },
    });
  }
  const t = target.invoice;
  const newTarget: Invoice = { ...t, lines: [...t.lines, ...moved] };
  const reparsed = readInvoice(newTarget);
  if (reparsed.isErr()) return err(reparsed.error);
  const s = summaryCore(reparsed.value, undefined);
  const finalTarget: Invoice = { ...newTarget, status: s.status };
  replaced.set(t.id, finalTarget);
  const all = parsed.map((p) => replaced.get(p.invoice.id) ?? p.invoice);
  return ok({
    target: finalTarget,
    sources: pending.filter((p) => p !== target).map((p) => replaced.get(p.invoice.id)!),
    invoices: all,
    balance: formatDec(new Dec(s.balance), target.currency),
  });
}
