import { err, ok, type Result } from 'neverthrow';
import { type BillingError, unknownCurrency } from '../errors';

/** ISO 4217 currencies supported, with their minor units. */
export type CurrencyCode = 'BRL' | 'MXN' | 'COP' | 'ARS' | 'PEN' | 'CLP' | 'PYG';

export const CURRENCY_MINOR_UNITS: Readonly<Record<CurrencyCode, number>> = Object.freeze({
  BRL: 2,
  MXN: 2,
  COP: 2,
  ARS: 2,
  PEN: 2,
  CLP: 0,
  PYG: 0,
});

export const CURRENCY_CODES: readonly CurrencyCode[] = Object.freeze(
  Object.keys(CURRENCY_MINOR_UNITS) as CurrencyCode[],
);

export const isCurrencyCode = (value: unknown): value is CurrencyCode =>
  typeof value === 'string' && Object.hasOwn(CURRENCY_MINOR_UNITS, value);

/** Minor units of a currency already validated by the caller (internal fast path). */
export function minorUnitsOf(currency: CurrencyCode): number {
  return CURRENCY_MINOR_UNITS[currency];
}

/**
 * Number of decimal places of the currency's minor unit (BRL 2, CLP 0). Anything outside `CURRENCY_CODES`
 * (including inherited names such as `constructor`) is an `UNKNOWN_CURRENCY` error on field `currency`.
 */
export function minorUnits(currency: unknown): Result<number, BillingError> {
  return isCurrencyCode(currency)
    ? ok(CURRENCY_MINOR_UNITS[currency])
    : err(unknownCurrency('currency', `currency must be one of ${CURRENCY_CODES.join(', ')}`));
}
