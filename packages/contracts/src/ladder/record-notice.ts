import { err, ok, type Result } from 'neverthrow';
import type { Contract } from '../contract/types';
import { type ContractsError, invalidInput } from '../errors';
import { type LocalDate, readLocalDate } from '../internal/local-date';
import { deepFreeze } from '../internal/read';

/** Records that the overdue notice of these invoices was sent on `date` (so the ladder never repeats it). */
export function recordNotice(
  contract: Contract,
  invoiceIds: readonly string[],
  date: LocalDate,
): Result<Contract, ContractsError> {
  const d = readLocalDate(date, 'date');
  if (d.isErr()) return err(d.error);
  if (!Array.isArray(invoiceIds) || invoiceIds.some((id) => typeof id !== 'string')) {
    return err(invalidInput('invoiceIds', 'invoiceIds must be an array of strings'));
  }
  const fresh = invoiceIds.filter((id) => !contract.notices.some((n) => n.invoiceId === id));
  if (fresh.length === 0) return ok(contract);
  return ok(
    deepFreeze({
      ...contract,
      notices: [...contract.notices, ...fresh.map((invoiceId) => ({ invoiceId, date }))],
      history: [
        ...contract.history,
        { date, event: 'notice-sent' as const, reason: 'overdue notice sent', refs: fresh },
      ],
    }),
  );
}
