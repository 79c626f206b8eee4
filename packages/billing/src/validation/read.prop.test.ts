import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { readAmount, readString } from './read';

/** The amount grammar as a regular expression: the character-code check must accept exactly these. */
const DECIMAL = /^-?(0|[1-9]\d{0,14})(\.\d{1,12})?$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

const amountLike = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789.-+e '), maxLength: 32 }),
  fc.string({ unit: fc.constantFrom(...'0123456789.'), minLength: 1, maxLength: 30 }),
);

test.prop([amountLike])('readAmount accepts exactly the decimal grammar', (value) => {
  const r = readAmount(value, 'amount');
  const grammar = DECIMAL.test(value);
  if (r.isOk()) expect(grammar).toBe(true);
  else expect(r.error.type === 'NEGATIVE_AMOUNT' || !grammar).toBe(true);
  if (grammar && !value.startsWith('-')) expect(r.isOk()).toBe(true);
});

test.prop([
  fc.string({ unit: fc.integer({ min: 0, max: 300 }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
])('readString refuses exactly the strings with control characters', (value) => {
  const r = readString(value, 'field');
  expect(r.isOk()).toBe(value.length > 0 && !CONTROL.test(value));
});
