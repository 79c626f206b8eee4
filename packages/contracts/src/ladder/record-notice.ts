import { err, ok, type Result } from 'neverthrow';
import type { Contract } from '../contract/types';
import { type ContractsError, invalidInput } from '../errors';
import { type LocalDate, readLocalDate } from '../internal/local-date';
import { nextContract } from '../internal/next-contract';

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
  const notices = contract.notices.slice();
  for (const invoiceId of fresh) notices.push(Object.freeze({ invoiceId, date }));
  const entry = Object.freeze({
    date,
    event: 'notice-sent' as const,
    reason: 'overdue notice sent',
    refs: Object.freeze(fresh),
  });
  return ok(
    nextContract(contract, {
      status: contract.status,
      notices: Object.freeze(notices),
      history: Object.freeze(contract.history.concat(entry)),
    }),
  );
}
