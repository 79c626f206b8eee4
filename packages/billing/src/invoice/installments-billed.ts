import { err, ok, type Result } from 'neverthrow';
import type { LocalDate } from '../dates/local-date';
import { type BillingError, invalidInput } from '../errors';
import { MAX_INSTALLMENTS } from '../installments/split-installments';
import { readArray, readDate, readInteger, readObject, readString } from '../validation/read';

/**
 * Internal: how many parts of each installment plan were billed before the period starting on
 * `periodStart`, read from the contract's invoices. A part counts for the period it was first billed in:
 * the invoice's own period, or, for a line moved by a merge, the period it kept (its source's). The same
 * part seen twice (on a transferred source and on the merge target) counts once.
 */
export function installmentsBilledBefore(
  previous: unknown,
  contractId: string,
  periodStart: LocalDate,
): Result<Map<string, number>, BillingError> {
  const list = readArray(previous, 'options.previousInvoices');
  if (list.isErr()) return err(list.error);
  const parts = new Map<string, Set<number>>();
  for (let i = 0; i < list.value.length; i++) {
    const f = `options.previousInvoices[${i}]`;
    const inv = readObject(list.value[i], f);
    if (inv.isErr()) return err(inv.error);
    if (inv.value.contractId !== contractId) {
      return err(invalidInput(`${f}.contractId`, `${f} belongs to another contract`));
    }
    const period = readObject(inv.value.period, `${f}.period`);
    if (period.isErr()) return err(period.error);
    const start = readDate(period.value.start, `${f}.period.start`);
    if (start.isErr()) return err(start.error);
    const lines = readArray(inv.value.lines, `${f}.lines`);
    if (lines.isErr()) return err(lines.error);
    for (let j = 0; j < lines.value.length; j++) {
      const lf = `${f}.lines[${j}]`;
      const line = readObject(lines.value[j], lf);
      if (line.isErr()) return err(line.error);
      if (line.value.installment === undefined) continue;
      const ref = readObject(line.value.installment, `${lf}.installment`);
      if (ref.isErr()) return err(ref.error);
      const planId = readString(ref.value.planId, `${lf}.installment.planId`);
      if (planId.isErr()) return err(planId.error);
      const index = readInteger(ref.value.index, `${lf}.installment.index`, 1, MAX_INSTALLMENTS);
      if (index.isErr()) return err(index.error);
      let billedIn = start.value;
      if (line.value.movedFrom !== undefined && line.value.period !== undefined) {
        const moved = readObject(line.value.period, `${lf}.period`);
        if (moved.isErr()) return err(moved.error);
        const movedStart = readDate(moved.value.start, `${lf}.period.start`);
        if (movedStart.isErr()) return err(movedStart.error);
        billedIn = movedStart.value;
      }
      if (billedIn >= periodStart) continue;
      const seen = parts.get(planId.value);
      if (seen === undefined) parts.set(planId.value, new Set([index.value]));
      else seen.add(index.value);
    }
  }
  const out = new Map<string, number>();
  for (const [planId, seen] of parts) out.set(planId, seen.size);
  return ok(out);
}

/** Internal: the explicit `installmentsBilled` map, checked. */
export function readInstallmentsBilled(value: unknown): Result<Map<string, number>, BillingError> {
  const o = readObject(value, 'options.installmentsBilled');
  if (o.isErr()) return err(o.error);
  const out = new Map<string, number>();
  for (const [planId, count] of Object.entries(o.value)) {
    const n = readInteger(count, `options.installmentsBilled.${planId}`, 0, MAX_INSTALLMENTS);
    if (n.isErr()) return err(n.error);
    out.set(planId, n.value);
  }
  return ok(out);
}
