import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { Dec } from './decimal';
import {
  decimalOfRatio,
  formatMinor,
  MAX_DENOMINATOR,
  minorOf,
  mulSafe,
  roundQuotient,
  scaledOf,
} from './exact-ratio';
import { roundDec } from './rounding';

const safe = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const denominatorArb = fc.oneof(
  fc.integer({ min: 1, max: 100_000 }),
  fc.integer({ min: 1, max: MAX_DENOMINATOR }),
  fc.constantFrom(3, 7, 29, 31, 365, 3000, 36500, 3_000_000, 36_500_000_000),
);
const modeArb = fc.constantFrom('half-up' as const, 'half-even' as const, 'truncate' as const);

test.prop([safe, denominatorArb], { numRuns: 2000 })(
  'decimalOfRatio writes what Dec(n).div(d) writes (40 significant digits, half-up)',
  (n, d) => {
    expect(decimalOfRatio(n, d)).toBe(new Dec(n).div(d).toString());
  },
);

test.prop([safe, denominatorArb, modeArb], { numRuns: 1000 })(
  'roundQuotient rounds n ÷ d like roundDec rounds the exact quotient',
  (n, d, mode) => {
    const exact = new Dec(n).div(d);
    expect(String(roundQuotient(n, d, mode))).toBe(roundDec(exact, 0, mode).toString());
  },
);

test.prop([safe, fc.integer({ min: 0, max: 2 })])('formatMinor is toFixed of the minor units', (n, scale) => {
  expect(formatMinor(n, scale)).toBe(new Dec(n).div(10 ** scale).toFixed(scale));
});

test.prop([fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.integer({ min: 0, max: 8 })])(
  'scaledOf and minorOf read a decimal back exactly; mulSafe never returns an unsafe product',
  (n, places) => {
    const value = new Dec(n).div(10 ** places);
    const s = scaledOf(value);
    expect(s).toBeDefined();
    expect(new Dec(s?.int ?? -1).div(10 ** (s?.places ?? 0)).equals(value)).toBe(true);
    const minor = minorOf(value, 2);
    if (minor === undefined)
      expect(value.decimalPlaces() > 2 || value.times(100).gt(Number.MAX_SAFE_INTEGER)).toBe(true);
    else expect(new Dec(minor).equals(value.times(100))).toBe(true);
    const product = mulSafe(n, 10 ** places);
    if (product === undefined) expect(new Dec(n).times(10 ** places).gt(Number.MAX_SAFE_INTEGER)).toBe(true);
    else expect(Number.isSafeInteger(product)).toBe(true);
  },
);
