import { describe, expect, it } from 'vitest';
import type { DesiredAccess } from '../ports/access-network';
import { validateDesiredAccess } from './validate-desired-access';

const base: DesiredAccess = {
  subscriberId: 'acc-1',
  routerId: 'r1',
  method: 'pppoe',
  state: 'active',
  ipv4: '10.0.0.5',
  plan: {
    planId: 'p10',
    rate: { uploadBps: 5_000_000, downloadBps: 10_000_000 },
    throttledRate: { uploadBps: 1_000_000, downloadBps: 2_000_000 },
  },
  credentials: { username: 'alice', password: 'S3cret!' },
};

const fieldOf = (value: unknown, options = {}) => {
  const r = validateDesiredAccess(value, options);
  return r.isErr() ? { type: r.error.type, field: 'field' in r.error ? r.error.field : undefined } : 'ok';
};

describe('validateDesiredAccess', () => {
  it('accepts a complete desired access', () => {
    expect(validateDesiredAccess(base).isOk()).toBe(true);
  });

  it.each([
    [{ ...base, method: 'ovpn' }, 'method'],
    [{ ...base, state: 'paused' }, 'state'],
    [{ ...base, ipv4: '10.0.0.256' }, 'ipv4'],
    [{ ...base, ipv4: '010.0.0.1' }, 'ipv4'],
    [{ ...base, method: 'simple-queue', ipv4: undefined }, 'ipv4'],
    [{ ...base, credentials: undefined }, 'credentials'],
    [{ ...base, credentials: { username: 'a b', password: 'x' } }, 'credentials.username'],
    [{ ...base, credentials: { username: 'alice', password: 'x\u0000' } }, 'credentials.password'],
    [{ ...base, macAddress: 'zz:zz' }, 'macAddress'],
    [{ ...base, plan: { ...base.plan, rate: { uploadBps: 0, downloadBps: 1 } } }, 'plan.rate'],
    [
      { ...base, plan: { ...base.plan, throttledRate: { uploadBps: 1.5, downloadBps: 1 } } },
      'plan.throttledRate',
    ],
    [{ ...base, subscriberId: '__proto__' }, 'subscriberId'],
    [{ ...base, subscriberId: '' }, 'subscriberId'],
  ])('rejects %j naming %s', (value, field) => {
    expect(fieldOf(value)).toEqual({ type: 'InvalidDesiredAccess', field });
  });

  it('rejects an address outside the customer networks as an unsafe write', () => {
    const r = validateDesiredAccess({ ...base, ipv4: '192.0.2.1' }, { customerNetworks: ['10.0.0.0/16'] });
    expect(r.isErr() && r.error.type).toBe('UnsafeWrite');
  });

  describe('absent (remove what we own, found by the ownership marker)', () => {
    const networks = { customerNetworks: ['10.0.0.0/16'], routerId: 'r1' };

    it('accepts a released IP outside the customer networks (release-ip remaps 10.x.x.x to 127.x.x.x)', () => {
      const released = { ...base, state: 'absent', ipv4: '127.0.3.30' };
      expect(validateDesiredAccess(released, networks).isOk()).toBe(true);
      expect(validateDesiredAccess({ ...released, method: 'simple-queue' }, networks).isOk()).toBe(true);
    });

    it.each(['simple-queue', 'pcq-address-list', 'pppoe', 'hotspot'])(
      'needs neither an IP nor credentials for %s',
      (method) => {
        const { ipv4: _, credentials: __, ...rest } = base;
        expect(validateDesiredAccess({ ...rest, method, state: 'absent' }, networks).isOk()).toBe(true);
      },
    );

    it('still rejects a malformed IP or bad credentials when they are given', () => {
      expect(fieldOf({ ...base, state: 'absent', ipv4: '10.0.0.256' }, networks)).toEqual({
        type: 'InvalidDesiredAccess',
        field: 'ipv4',
      });
      expect(
        fieldOf({ ...base, state: 'absent', credentials: { username: 'a b', password: 'x' } }, networks),
      ).toEqual({ type: 'InvalidDesiredAccess', field: 'credentials.username' });
    });

    it('keeps the network check for every state that writes', () => {
      for (const state of ['active', 'throttled', 'suspended']) {
        const r = validateDesiredAccess({ ...base, state, ipv4: '127.0.3.30' }, networks);
        expect(r.isErr() && r.error.type).toBe('UnsafeWrite');
      }
    });
  });

  it('never puts the password in an error', () => {
    const r = validateDesiredAccess({
      ...base,
      credentials: { username: 'alice', password: 'TopSecret\u0007' },
    });
    expect(JSON.stringify(r._unsafeUnwrapErr())).not.toContain('TopSecret');
  });

  it('rejects non-objects and __proto__ keys', () => {
    expect(fieldOf(null)).toEqual({ type: 'InvalidDesiredAccess', field: 'desired' });
    expect(fieldOf(JSON.parse('{"__proto__": {"x": 1}}'))).toEqual({
      type: 'InvalidDesiredAccess',
      field: '__proto__',
    });
  });
});
