import { normaliseAddress } from '../normalize/address.js';
import { parseBits } from '../normalize/bits.js';
import { normaliseBoolean } from '../normalize/boolean.js';
import { normaliseRatePair } from '../normalize/rate-pair.js';
import type { FieldSpec } from './resource-descriptor.js';

const trim = (value: string): string => value.trim();

export const text: FieldSpec = { normalise: trim };
export const textOr = (fallback: string): FieldSpec => ({ normalise: trim, default: fallback });
export const secret: FieldSpec = { normalise: (value) => value, secret: true };
export const flag: FieldSpec = { normalise: normaliseBoolean, default: 'false' };
export const flagOr = (fallback: 'true' | 'false'): FieldSpec => ({
  normalise: normaliseBoolean,
  default: fallback,
});
export const address: FieldSpec = { normalise: normaliseAddress, default: '' };
export const addressOr = (fallback: string): FieldSpec => ({
  normalise: normaliseAddress,
  default: fallback,
});
export const ratePair: FieldSpec = { normalise: normaliseRatePair, default: '0/0' };
export const bits: FieldSpec = {
  normalise: (value) => {
    const parsed = parseBits(value);
    return parsed === null ? value.trim() : String(parsed);
  },
  default: '0',
};
export const mac: FieldSpec = {
  normalise: (value) => value.trim().toUpperCase(),
  default: '00:00:00:00:00:00',
};
