import type { Dec } from '../money/decimal';
import { ROUNDING_MODES, type RoundingMode } from '../money/rounding';
import type { Explanation } from './explanation';

/** Shortens a long exact value for the sentence (the full value stays in `raw`). */
const short = (raw: Dec): string =>
  raw.decimalPlaces() > 6 ? `${raw.toDecimalPlaces(6).toString()}…` : raw.toString();

/** One shared, frozen `rounding` record per mode and scale (millions of lines carry one). */
const ROUNDINGS = new Map<RoundingMode, Explanation['rounding'][]>(
  ROUNDING_MODES.map((mode) => [
    mode,
    Array.from({ length: 13 }, (_, scale) => Object.freeze({ mode, scale })),
  ]),
);

function roundingOf(mode: RoundingMode, scale: number): Explanation['rounding'] {
  return ROUNDINGS.get(mode)?.[scale] ?? { mode, scale };
}

/**
 * Joins parts into one flat string. A template literal leaves a tree of concatenations behind (about three
 * times the memory of the characters for a sentence); explanations are kept with every line, so they are
 * stored flat.
 */
export function flat(...parts: readonly string[]): string {
  return parts.join('');
}

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
    rounding: roundingOf(mode, scale),
    result,
    text: flat(
      sentence,
      ': ',
      formula,
      ' = ',
      short(raw),
      ', rounded ',
      mode,
      ' to ',
      String(scale),
      ' decimals = ',
      result,
      '.',
    ),
  };
}
