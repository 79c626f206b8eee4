import fc from 'fast-check';
import { CURRENCY_MINOR_UNITS, type CurrencyCode } from '../money/currency';

/** A valid amount in a currency: a non-negative decimal string with the currency's minor units. */
export function amountArb(
  currency: CurrencyCode,
  options?: { min?: number; max?: number },
): fc.Arbitrary<string> {
  const scale = CURRENCY_MINOR_UNITS[currency];
  const unit = 10 ** scale;
  const min = Math.round((options?.min ?? 0) * unit);
  const max = Math.round((options?.max ?? 100_000) * unit);
  return fc
    .integer({ min, max })
    .map((minor) => (scale === 0 ? String(minor) : (minor / unit).toFixed(scale)));
}
