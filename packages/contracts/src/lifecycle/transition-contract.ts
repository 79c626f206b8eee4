import { err, ok, type Result } from 'neverthrow';
import type { Contract, ContractStatus, HistoryEntry } from '../contract/types';
import { type ContractsError, illegalTransition, invalidInput } from '../errors';
import { type LocalDate, readLocalDate } from '../internal/local-date';
import { deepFreeze, readString } from '../internal/read';

/**
 * Legal moves of the life cycle. A cancelled contract only comes back through reactivation (W9), which
 * enters `active`. Staying in the same status is not a transition.
 */
export const TRANSITIONS: Readonly<Record<ContractStatus, readonly ContractStatus[]>> = Object.freeze({
  active: Object.freeze(['throttled', 'suspended', 'cancelled'] as ContractStatus[]),
  throttled: Object.freeze(['active', 'suspended', 'cancelled'] as ContractStatus[]),
  suspended: Object.freeze(['active', 'throttled', 'cancelled'] as ContractStatus[]),
  cancelled: Object.freeze(['active'] as ContractStatus[]),
});

export const canTransition = (from: ContractStatus, to: ContractStatus): boolean =>
  Object.hasOwn(TRANSITIONS, from) && TRANSITIONS[from].includes(to);

export interface TransitionInput {
  readonly date: LocalDate;
  /** Why: shown in the history (e.g. `overdue 12 days (invoice inv-7)`). */
  readonly reason: string;
}

/** Appends entries to a contract's history, returning a new frozen contract (history only grows). */
export function appendHistory(
  contract: Contract,
  entries: readonly HistoryEntry[],
  patch: Partial<Contract> = {},
): Contract {
  return deepFreeze({ ...contract, ...patch, history: [...contract.history, ...entries] });
}

/**
 * Moves a contract to a new status, appending `{ date, event: 'status-changed', from, to, reason }` to its
 * history. Illegal moves (same status, cancelled → throttled, ...) give `IllegalTransition`.
 */
export function transitionContract(
  contract: Contract,
  to: ContractStatus,
  input: TransitionInput,
): Result<Contract, ContractsError> {
  const date = readLocalDate(input?.date, 'date');
  if (date.isErr()) return err(date.error);
  const reason = readString(input.reason, 'reason', { max: 500 });
  if (reason.isErr()) return err(reason.error);
  if (typeof contract !== 'object' || contract === null || typeof contract.status !== 'string') {
    return err(invalidInput('contract', 'contract must be a contract'));
  }
  if (!canTransition(contract.status, to)) return err(illegalTransition(contract.status, String(to)));
  return ok(
    appendHistory(
      contract,
      [{ date: date.value, event: 'status-changed', from: contract.status, to, reason: reason.value }],
      {
        status: to,
      },
    ),
  );
}
