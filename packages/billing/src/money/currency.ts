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

/**
 * Number of decimal places of the currency's minor unit (BRL 2, CLP 0). A code outside `CURRENCY_CODES`
 * is a programmer error and throws a TypeError (never an inherited property such as `constructor`).
 */
export function minorUnits(currency: CurrencyCode): number {
  if (!isCurrencyCode(currency)) throw new TypeError('minorUnits: unknown currency code');
  return CURRENCY_MINOR_UNITS[currency];
}
