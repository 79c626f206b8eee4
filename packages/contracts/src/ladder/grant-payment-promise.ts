import { err, ok, type Result } from 'neverthrow';
import type { Contract } from '../contract/types';
import {
  type ContractsError,
  invalidDate,
  invalidInput,
  promiseLimitReached,
  promiseNotAllowed,
} from '../errors';
import { type LocalDate, toEpochDay } from '../internal/local-date';
import { deepFreeze } from '../internal/read';

/** How often and how long payment promises may be granted (X4). */
export interface PaymentPromisePolicy {
  /** Promises allowed within `periodDays` (counting the new one's grant date back). Default 1. */
  readonly maxUses: number;
  /** Length of the rolling period, in days. Default 30. */
  readonly periodDays: number;
  /** The longest promise, in days from the grant date. Default 7. */
  readonly maxDays: number;
}

export const DEFAULT_PAYMENT_PROMISE_POLICY: PaymentPromisePolicy = Object.freeze({
  maxUses: 1,
  periodDays: 30,
  maxDays: 7,
});

/**
 * Grants a payment promise ("promesa de pago" / "desbloqueio em confiança"): the ladder holds, and the service
 * is restored, from `date` until `until` inclusive. Refused for cancelled contracts, beyond `maxDays`, and when
 * `maxUses` promises were already granted in the period (`PromiseLimitReached`).
 */
export function grantPaymentPromise(
  contract: Contract,
  input: { readonly date: LocalDate; readonly until: LocalDate },
  policy: PaymentPromisePolicy = DEFAULT_PAYMENT_PROMISE_POLICY,
): Result<Contract, ContractsError> {
  const today = toEpochDay(input?.date);
  if (Number.isNaN(today)) return err(invalidDate('date', 'date must be a calendar date YYYY-MM-DD'));
  const until = toEpochDay(input.until);
  if (Number.isNaN(until)) return err(invalidDate('until', 'until must be a calendar date YYYY-MM-DD'));
  const { maxUses, periodDays, maxDays } = policy;
  for (const [name, value] of Object.entries({ maxUses, periodDays, maxDays })) {
    if (!Number.isInteger(value) || value < 1 || value > 3650) {
      return err(invalidInput(`policy.${name}`, `policy.${name} must be an integer between 1 and 3650`));
    }
  }
  if (contract.status === 'cancelled')
    return err(promiseNotAllowed('status', 'a cancelled contract cannot get a promise'));
  if (until < today) return err(invalidDate('until', 'until must not be before date'));
  if (until - today > maxDays)
    return err(promiseNotAllowed('until', `a promise may last at most ${maxDays} days`));
  const used = contract.paymentPromises.filter((p) => {
    const granted = toEpochDay(p.grantedOn);
    return granted > today - periodDays && granted <= today;
  }).length;
  if (used >= maxUses) return err(promiseLimitReached(used, maxUses));
  return ok(
    deepFreeze({
      ...contract,
      paymentPromises: [...contract.paymentPromises, { grantedOn: input.date, until: input.until }],
      history: [
        ...contract.history,
        {
          date: input.date,
          event: 'promise-granted' as const,
          reason: `payment promise until ${input.until}`,
        },
      ],
    }),
  );
}
