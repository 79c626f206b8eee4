import type { Dec } from '../money/decimal';
import type { RoundingMode } from '../money/rounding';
import type { Explanation } from './explanation';

/** Shortens a long exact value for the sentence (the full value stays in `raw`). */
const short = (raw: Dec): string =>
  raw.decimalPlaces() > 6 ? `${raw.toDecimalPlaces(6).toString()}…` : raw.toString();

export function makeExplanation(
  code: string,
  formula: string,
  inputs: Readonly<Record<string, string | number>>,
  raw: Dec,
  mode: RoundingMode,
  scale: number,
  result: string,
  sentence: string,
): Explanation {
  return {
    code,
    formula,
    inputs,
    raw: raw.toString(),
    rounding: { mode, scale },
    result,
    text: `${sentence}: ${formula} = ${short(raw)}, rounded ${mode} to ${scale} decimals = ${result}.`,
  };
}
