import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { cidr, invalidIpv4 } from '../testing/index.js';
import { parseCidr } from './parse-cidr.js';

describe('parseCidr properties', () => {
  test.prop([cidr({ minPrefix: 0, maxPrefix: 32 })], { numRuns: 1000 })(
    'accepts canonical blocks and reports consistent bounds',
    (block) => {
      const parsed = parseCidr(block)._unsafeUnwrap();
      expect(parsed.cidr).toBe(block);
      expect(parsed.size).toBe(2 ** (32 - parsed.prefix));
      expect(parsed.first).toBe(block.split('/')[0]);
    },
  );

  test.prop([invalidIpv4(), fc.integer({ min: 0, max: 32 })], { numRuns: 1000 })(
    'rejects blocks built on invalid addresses with a typed error',
    (address, prefix) => {
      const value = typeof address === 'string' ? `${address}/${prefix}` : address;
      expect(parseCidr(value)._unsafeUnwrapErr().type).toBe('InvalidCidr');
    },
  );
});
