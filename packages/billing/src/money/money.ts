import { err, ok, type Result } from 'neverthrow';
import type { BillingError } from '../errors';
import { readAmount, readArray, readCurrency, readEnum } from '../validation/read';
import { type CurrencyCode, minorUnitsOf } from './currency';
import { type Dec, ZERO } from './decimal';
import { ROUNDING_MODES, type RoundingMode, roundDec } from './rounding';

const ZEROS = ['', '0', '00', '000', '0000'];

/**
 * Formats a decimal in the currency's minor unit ("60.00", CLP "1500"). Same result as
 * `value.toFixed(scale)`; a value that needs no rounding (the usual case: amounts already in the minor unit)
 * is padded from its plain string, which costs far less than decimal.js's rounding pass.
 */
export function formatDec(value: Dec, currency: CurrencyCode): string {
  const scale = minorUnitsOf(currency);
  const places = value.decimalPlaces();
  // `places` is NaN for NaN and infinities; exponents from ±21 on would print in exponent notation.
  if (!(places <= scale) || value.e >= 21 || value.e <= -7) return value.toFixed(scale);
  const plain = value.toString();
  if (places === scale) return plain;
  return places === 0
    ? `${plain}.${ZEROS[scale] ?? '0'.repeat(scale)}`
    : plain + (ZEROS[scale - places] ?? '');
}

export interface RoundMoneyInput {
  /** Any non-negative decimal string, with up to 12 decimals. */
  readonly amount: string;
  readonly currency: CurrencyCode;
  readonly rounding?: RoundingMode;
}

/** Rounds an exact amount to the currency's minor unit (half-up unless told otherwise). */
export function roundMoney(input: RoundMoneyInput): Result<string, BillingError> {
  return readCurrency(input?.currency, 'currency').andThen((currency) =>
    readEnum(input.rounding ?? 'half-up', 'rounding', ROUNDING_MODES).andThen((mode) =>
      readAmount(input.amount, 'amount').map((d) =>
        formatDec(roundDec(d, minorUnitsOf(currency), mode), currency),
      ),
    ),
  );
}

/** Validates an amount in a currency and returns it normalised ("60" → "60.00"); more decimals than the currency has is an error. */
export function parseMoney(
  amount: unknown,
  currency: CurrencyCode,
  field = 'amount',
): Result<string, BillingError> {
  return readCurrency(currency, 'currency').andThen((c) =>
    readAmount(amount, field, minorUnitsOf(c)).map((d) => formatDec(d, c)),
  );
}

/** Sum of amounts in one currency. */
export function sumMoney(amounts: readonly string[], currency: CurrencyCode): Result<string, BillingError> {
  return readCurrency(currency, 'currency').andThen((c) =>
    readArray(amounts, 'amounts').andThen((list) => {
      let total = ZERO;
      for (let i = 0; i < list.length; i++) {
        const r = readAmount(list[i], `amounts[${i}]`, minorUnitsOf(c));
        if (r.isErr()) return err(r.error);
        total = total.plus(r.value);
      }
      return ok(formatDec(total, c));
    }),
  );
}
