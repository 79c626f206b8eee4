import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseRosVersion } from '../server/ros-version';
import { formatDurationV6, formatDurationV7, parseDuration } from './duration';
import type { ValueContext } from './types';
import { normaliseValue } from './value-types';

const parsed = parseRosVersion('7.18');
if (!parsed.ok) throw new Error('version');
const ctx: ValueContext = { version: parsed.version, now: 0, interfaces: [], names: () => new Set() };

describe('normalisers are idempotent and lossless', () => {
  test.prop([fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 })])(
    'rate pairs in bits are printed unchanged and re-normalise to themselves',
    (up, down) => {
      const first = normaliseValue('max-limit', { kind: 'rate-pair' }, `${up}/${down}`, ctx);
      expect(first).toEqual({ ok: true, value: `${up}/${down}` });
    },
  );
  test.prop([fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 })])(
    'address-list addresses are stable under normalisation',
    (address, length) => {
      const text = `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}/${length}`;
      const once = normaliseValue('address', { kind: 'list-address' }, text, ctx);
      if (!once.ok) throw new Error('valid input rejected');
      expect(normaliseValue('address', { kind: 'list-address' }, once.value, ctx)).toEqual(once);
    },
  );
  test.prop([fc.integer({ min: 0, max: 100_000_000 })])(
    'both duration styles parse back to the same seconds',
    (seconds) => {
      expect(parseDuration(formatDurationV7(seconds))).toBe(seconds);
      expect(parseDuration(formatDurationV6(seconds))).toBe(seconds);
    },
  );
});
