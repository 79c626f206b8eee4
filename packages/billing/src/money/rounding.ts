import type Decimal from 'decimal.js';
import { Dec } from './decimal';

/** How a computed amount is brought to the currency's minor unit (once per invoice line). */
export type RoundingMode = 'half-up' | 'half-even' | 'truncate';

export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze(['half-up', 'half-even', 'truncate']);

const DECIMAL_MODE: Readonly<Record<RoundingMode, Decimal.Rounding>> = Object.freeze({
  'half-up': Dec.ROUND_HALF_UP,
  'half-even': Dec.ROUND_HALF_EVEN,
  truncate: Dec.ROUND_DOWN,
});

/** Rounds a non-negative decimal to `scale` places with the given mode. */
export function roundDec(value: Dec, scale: number, mode: RoundingMode): Dec {
  return value.toDecimalPlaces(scale, DECIMAL_MODE[mode]);
}
