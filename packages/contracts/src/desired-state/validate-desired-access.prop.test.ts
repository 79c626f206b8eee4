import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { validDesiredAccess } from '../testing/arbitraries';
import { validateDesiredAccess } from './validate-desired-access';

const ipv4 = fc
  .tuple(fc.integer({ min: 1, max: 254 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 }))
  .map((parts) => parts.join('.'));

describe('validateDesiredAccess, absent', () => {
  test.prop([validDesiredAccess(), fc.option(ipv4, { nil: undefined }), fc.boolean()])(
    'an absent subscriber is accepted whatever its IP (inside the networks or not, or none) and with or without credentials',
    (d, ip, keepCredentials) => {
      const { ipv4: _, credentials, ...rest } = d;
      const absent = {
        ...rest,
        state: 'absent' as const,
        ...(ip === undefined ? {} : { ipv4: ip }),
        ...(keepCredentials && credentials !== undefined ? { credentials } : {}),
      };
      const r = validateDesiredAccess(absent, { customerNetworks: ['10.0.0.0/16'], routerId: 'r1' });
      expect(r.isOk()).toBe(true);
    },
  );

  test.prop([validDesiredAccess(), ipv4.filter((ip) => !ip.startsWith('10.0.'))])(
    'a subscriber that is written is refused outside the customer networks',
    (d, ip) => {
      const written = { ...d, state: d.state === 'absent' ? ('active' as const) : d.state, ipv4: ip };
      const r = validateDesiredAccess(written, { customerNetworks: ['10.0.0.0/16'], routerId: 'r1' });
      expect(r.isErr() && r.error.type).toBe('UnsafeWrite');
    },
  );
});
