import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { MAX_ADDRESS_INPUT_LENGTH } from '../ipv4/limits.js';
import { ipv4 } from './valid-arbitraries.js';

const octet = fc.integer({ min: 0, max: 255 });

/** IPv6 addresses (rejected: the package is IPv4-only). */
export function ipv6(): fc.Arbitrary<string> {
  return fc.oneof(fc.ipV6(), fc.constantFrom('::', '::1', 'fe80::1', '::ffff:10.0.0.1', '2001:db8::/32'));
}

/** Four dotted numbers with at least one above 255, e.g. `256.1.1.1`. */
export function outOfRangeIpv4(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(octet, { minLength: 3, maxLength: 3 }), fc.integer({ min: 256, max: 99999 }), fc.nat(3))
    .map(([octets, big, position]) => {
      const parts = octets.map(String);
      parts.splice(position, 0, String(big));
      return parts.join('.');
    });
}

/** Addresses with a zero-padded octet (`010.0.0.1`), ambiguous between decimal and octal. */
export function leadingZeroIpv4(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(octet, { minLength: 4, maxLength: 4 }), fc.nat(3), fc.integer({ min: 1, max: 2 }))
    .map(([octets, position, zeros]) =>
      octets
        .map((value, index) => (index === position ? `${'0'.repeat(zeros)}${value}` : String(value)))
        .join('.'),
    );
}

/** Short, hexadecimal and other non-four-part forms that some parsers accept (`1.2.3`, `0x0a.0.0.1`, `167772161`). */
export function nonFourPartIpv4(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(octet, octet, octet).map((parts) => parts.join('.')),
    fc.tuple(octet, octet).map((parts) => parts.join('.')),
    fc.integer({ min: 0, max: 0xffffffff }).map(String),
    fc.tuple(octet, octet, octet, octet).map(([a, b, c, d]) => `0x${a.toString(16)}.${b}.${c}.${d}`),
    fc.tuple(octet, octet, octet, octet).map((parts) => `${parts.join('.')}.`),
  );
}

/** A valid address with a control character or whitespace inserted somewhere (` 10.0.0.1`, `10.0.0.1\n`). */
export function ipv4WithControlCharacters(): fc.Arbitrary<string> {
  const noise = fc.oneof(
    fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
    fc.constantFrom(' ', '\u007f', '\u00a0', '\u2028', '\ufeff'),
  );
  return fc.tuple(ipv4(), noise, fc.nat()).map(([address, char, at]) => {
    const position = at % (address.length + 1);
    return `${address.slice(0, position)}${char}${address.slice(position)}`;
  });
}

/** Strings longer than any address the package accepts. */
export function oversizedString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ minLength: MAX_ADDRESS_INPUT_LENGTH + 1, maxLength: 2048 }),
    fc
      .tuple(ipv4(), fc.integer({ min: MAX_ADDRESS_INPUT_LENGTH, max: 100_000 }))
      .map(([address, padding]) => `${address}${'0'.repeat(padding)}`),
  );
}

/** Arbitrary text that is not a canonical IPv4 address (empty string included). */
export function garbageString(): fc.Arbitrary<string> {
  return fc
    .oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constant(''))
    .filter((text) => !ipaddr.IPv4.isValidFourPartDecimal(text));
}

/** Values that are not strings at all, as untyped JavaScript or JSON callers may pass. */
export function nonStringValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 167772161),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
    fc.array(octet, { minLength: 4, maxLength: 4 }),
    fc.object(),
    fc.constant(Object.create(null)),
    fc.constant(JSON.parse('{"__proto__": "10.0.0.1"}')),
    fc.constant(Symbol('ip')),
    fc.func(fc.string()),
  );
}

/** Any string the package must reject as an IPv4 address. */
export function invalidIpv4String(): fc.Arbitrary<string> {
  return fc.oneof(
    ipv6(),
    outOfRangeIpv4(),
    leadingZeroIpv4(),
    nonFourPartIpv4(),
    ipv4WithControlCharacters(),
    oversizedString(),
    garbageString(),
  );
}

/** Any value the package must reject as an IPv4 address: invalid strings and non-strings. */
export function invalidIpv4(): fc.Arbitrary<unknown> {
  return fc.oneof(invalidIpv4String(), nonStringValue());
}
