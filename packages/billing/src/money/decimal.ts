import Decimal from 'decimal.js';

/**
 * The package-local decimal constructor. A clone, so that no setting of the global `Decimal` (or of
 * another library's clone) can change our results. 40 significant digits keep every intermediate
 * product exact for amounts up to 10^15 with rates of 6 decimals.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

export type Dec = InstanceType<typeof Dec>;

export const ZERO: Dec = new Dec(0);
export const ONE: Dec = new Dec(1);
export const HUNDRED: Dec = new Dec(100);
export const THIRTY: Dec = new Dec(30);

const UNITS: readonly Dec[] = [new Dec(1), new Dec(10), new Dec(100), new Dec(1000)];

/** 10^scale: the number of minor units in one major unit. */
export function unitOf(scale: number): Dec {
  return UNITS[scale] ?? new Dec(10).pow(scale);
}
