import { describe, expect, it } from 'vitest';
import { isIpv4 } from './is-ipv4.js';
import { parseIpv4 } from './parse-ipv4.js';

describe('parseIpv4', () => {
  it.each(['0.0.0.0', '10.0.0.1', '192.168.88.1', '255.255.255.255', '172.16.0.10'])('accepts %s', (ip) => {
    expect(parseIpv4(ip)._unsafeUnwrap()).toBe(ip);
    expect(isIpv4(ip)).toBe(true);
  });

  it.each([
    ['256.1.1.1', 'malformed'],
    ['1.2.3.256', 'malformed'],
    ['1.2.3', 'not-four-part-decimal'],
    ['167772161', 'not-four-part-decimal'],
    ['0x0a.0.0.1', 'not-four-part-decimal'],
    ['010.0.0.1', 'not-four-part-decimal'],
    ['10.0.0.01', 'not-four-part-decimal'],
    [' 10.0.0.1', 'malformed'],
    ['10.0.0.1 ', 'malformed'],
    ['10.0.0.1\n', 'malformed'],
    ['10.0.0.1/24', 'malformed'],
    ['::1', 'ipv6'],
    ['::ffff:10.0.0.1', 'ipv6'],
    ['fe80::1%eth0', 'ipv6'],
    ['', 'empty'],
    ['a.b.c.d', 'malformed'],
    ['1..2.3', 'malformed'],
  ] as const)('rejects %j as %s', (value, reason) => {
    const result = parseIpv4(value, 'customerIp');
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidIp', field: 'customerIp', reason });
    expect(isIpv4(value)).toBe(false);
  });

  it.each([
    [42, '<number 42>'],
    [Number.NaN, '<number NaN>'],
    [null, 'null'],
    [undefined, '<undefined>'],
    [{ ip: '10.0.0.1' }, '<object>'],
    [[10, 0, 0, 1], '<array>'],
    [10n, '<bigint>'],
    [Symbol('x'), '<symbol>'],
  ])('rejects the non-string %s with a typed error', (value, preview) => {
    expect(parseIpv4(value)._unsafeUnwrapErr()).toEqual({
      type: 'InvalidIp',
      field: 'ip',
      value: preview,
      reason: 'not-a-string',
      message: `ip: ${preview} is not a string.`,
    });
  });

  it('rejects oversized strings without echoing them in full', () => {
    const huge = `10.0.0.1${'9'.repeat(100_000)}`;
    const error = parseIpv4(huge)._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'InvalidIp', reason: 'too-long' });
    expect(error.value.length).toBeLessThan(50);
    expect(error.message.length).toBeLessThan(120);
  });

  it('escapes control characters in the error preview', () => {
    const error = parseIpv4('10.0.0.1\u0000\u001b[31m')._unsafeUnwrapErr();
    expect(error.value).toBe('"10.0.0.1\\u0000\\u001b[31m"');
    expect(error.message).not.toMatch(/[\u0000-\u001f]/);
  });
});
