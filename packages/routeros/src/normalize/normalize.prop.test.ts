import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { expect } from 'vitest';
import { normaliseAddress } from './address.js';
import { formatBits, parseBits } from './bits.js';
import { normaliseBoolean } from './boolean.js';
import { normaliseDuration, parseDuration } from './duration.js';
import { normaliseRatePair } from './rate-pair.js';

const bits = fc.integer({ min: 0, max: 100_000_000_000 });

test.prop([bits])('formatBits and parseBits round-trip', (n) => {
  expect(parseBits(formatBits(n))).toBe(n);
});

test.prop([bits, bits])('a rate pair reads the same in short and plain form', (up, down) => {
  expect(normaliseRatePair(`${formatBits(up)}/${formatBits(down)}`)).toBe(`${up}/${down}`);
  expect(normaliseRatePair(`${up}/${down}`)).toBe(`${up}/${down}`);
});

test.prop([fc.string({ maxLength: 60 })])('normalisers are idempotent and never throw', (text) => {
  for (const f of [normaliseRatePair, normaliseAddress, normaliseBoolean, normaliseDuration]) {
    expect(f(f(text))).toBe(f(text));
  }
});

test.prop([
  fc.nat({ max: 5 }),
  fc.nat({ max: 6 }),
  fc.nat({ max: 23 }),
  fc.nat({ max: 59 }),
  fc.nat({ max: 59 }),
])('unit and clock durations agree', (w, d, h, m, s) => {
  const seconds = w * 604800 + d * 86400 + h * 3600 + m * 60 + s;
  expect(parseDuration(`${w}w${d}d${h}h${m}m${s}s`)).toBe(seconds);
  const pad = (n: number): string => String(n).padStart(2, '0');
  expect(parseDuration(`${w}w${d}d${pad(h)}:${pad(m)}:${pad(s)}`)).toBe(seconds);
});
