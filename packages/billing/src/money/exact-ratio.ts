import type { Dec } from './decimal';
import type { RoundingMode } from './rounding';

const MAX = Number.MAX_SAFE_INTEGER;

/** `a × b` when both are safe non-negative integers and so is the product; otherwise `undefined`. */
export function mulSafe(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (b !== 0 && a > MAX / b) return undefined;
  const product = a * b;
  return product <= MAX ? product : undefined;
}

/** Powers of ten that are safe integers (10^0 … 10^15). */
const TENS: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** 10^places as a safe integer, or `undefined`. */
export function tenTo(places: number): number | undefined {
  return TENS[places];
}

/** A non-negative decimal as an integer and its number of decimals (`"2.5"` → 25 and 1). */
export interface Scaled {
  readonly int: number;
  readonly places: number;
}

/**
 * A non-negative decimal written in plain notation as `int ÷ 10^places`, when both stay safe integers
 * (at most 15 digits); otherwise `undefined`.
 */
export function scaledOf(value: Dec): Scaled | undefined {
  const s = value.toString();
  if (s.length > 16) return undefined;
  let int = 0;
  let places = -1;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (places !== -1) return undefined;
      places = 0;
      continue;
    }
    if (c < 48 || c > 57) return undefined;
    int = int * 10 + (c - 48);
    digits++;
    if (places !== -1) places++;
  }
  if (digits === 0 || digits > 15) return undefined;
  return { int, places: places === -1 ? 0 : places };
}

/** `value × 10^scale` as a safe integer when `value` has at most `scale` decimals; otherwise `undefined`. */
export function minorOf(value: Dec, scale: number): number | undefined {
  const s = scaledOf(value);
  if (s === undefined || s.places > scale) return undefined;
  return mulSafe(s.int, tenTo(scale - s.places));
}

/** Quotient and remainder of safe non-negative integers, exactly. */
function divmod(n: number, d: number): [number, number] {
  const r = n % d;
  return [(n - r) / d, r];
}

/**
 * `n ÷ d` rounded to an integer with the mode (`n`, `d` safe non-negative integers, `d > 0` and
 * `2 × d` safe).
 */
export function roundQuotient(n: number, d: number, mode: RoundingMode): number {
  const [q, r] = divmod(n, d);
  if (r === 0 || mode === 'truncate') return q;
  const twice = 2 * r;
  if (twice > d) return q + 1;
  if (twice < d) return q;
  return mode === 'half-up' || q % 2 === 1 ? q + 1 : q;
}

/** Largest denominator for which {@link decimalOfRatio} can run its long division in safe integers. */
export const MAX_DENOMINATOR: number = Math.floor(MAX / 10);

/**
 * `n ÷ d` written as the package's decimal constructor writes it (`Dec(n).div(d).toString()`): rounded half-up
 * to 40 significant digits, plain notation, no trailing zeros. `n`, `d` safe non-negative integers with
 * `0 < d ≤ MAX_DENOMINATOR`, so that the long division never leaves the safe integers.
 */
export function decimalOfRatio(n: number, d: number): string {
  const [int, rem0] = divmod(n, d);
  let rem = rem0;
  const intText = String(int);
  let significant = int === 0 ? 0 : intText.length;
  const frac: number[] = [];
  while (rem !== 0 && significant < 40) {
    const [digit, next] = divmod(rem * 10, d);
    frac.push(digit);
    rem = next;
    if (significant > 0 || digit !== 0) significant++;
  }
  let whole = int;
  if (rem !== 0 && 2 * rem >= d) {
    let i = frac.length - 1;
    while (i >= 0) {
      const digit = (frac[i] as number) + 1;
      if (digit < 10) {
        frac[i] = digit;
        break;
      }
      frac[i] = 0;
      i--;
    }
    if (i < 0) whole++;
  }
  let end = frac.length;
  while (end > 0 && frac[end - 1] === 0) end--;
  const wholeText = whole === int ? intText : String(whole);
  return end === 0 ? wholeText : `${wholeText}.${frac.slice(0, end).join('')}`;
}

const ZEROS = ['', '0', '00', '000'];

/** Minor units written in the currency's minor unit (`12345`, 2 → `"123.45"`, 0 → `"12345"`). */
export function formatMinor(minor: number, scale: number): string {
  if (scale === 0) return String(minor);
  const digits = String(minor);
  const padded = digits.length > scale ? digits : (ZEROS[scale + 1 - digits.length] ?? '') + digits;
  const cut = padded.length - scale;
  return `${padded.slice(0, cut)}.${padded.slice(cut)}`;
}
