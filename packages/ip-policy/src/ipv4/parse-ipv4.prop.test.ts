import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { PREVIEW_LENGTH } from '../errors.js';
import { invalidIpv4, ipv4 } from '../testing/index.js';
import { isIpv4 } from './is-ipv4.js';
import { parseIpv4 } from './parse-ipv4.js';

describe('parseIpv4 properties', () => {
  test.prop([ipv4()], { numRuns: 1000 })('accepts every canonical IPv4 address unchanged', (ip) => {
    expect(parseIpv4(ip)._unsafeUnwrap()).toBe(ip);
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 })], { numRuns: 1000 })(
    'accepts exactly the four-octet decimal strings',
    (octets) => {
      expect(isIpv4(octets.join('.'))).toBe(true);
    },
  );

  test.prop([invalidIpv4(), fc.string({ minLength: 1, maxLength: 20 })], { numRuns: 1000 })(
    'rejects every invalid value with a typed InvalidIp error naming the field, never throwing',
    (value, field) => {
      const error = parseIpv4(value, field)._unsafeUnwrapErr();
      expect(error.type).toBe('InvalidIp');
      expect(error.field).toBe(field);
      expect(error.value.length).toBeLessThanOrEqual(PREVIEW_LENGTH * 6 + 3);
      expect(error.value).not.toMatch(/[\u0000-\u001f]/);
    },
  );
});
