import fc from 'fast-check';
import { validContract } from './arbitraries';

/** Strings longer than any field accepts (257–5,000 characters). */
export const oversizedString = (): fc.Arbitrary<string> =>
  fc.integer({ min: 257, max: 5000 }).map((n) => 'x'.repeat(n));

/** Amounts that are not decimal strings: exponents, commas, spaces, signs, NaN, numbers, empty. */
export const malformedAmount = (): fc.Arbitrary<unknown> =>
  fc.constantFrom<unknown>(
    '1e3',
    '12,50',
    ' 10.00',
    '10.00 ',
    '+5',
    '.5',
    '5.',
    'NaN',
    'Infinity',
    '',
    '1..0',
    10,
    Number.NaN,
    null,
  );

/** Days of the month that must be refused: 0, 32, negative, fractional, NaN, strings. */
export const invalidDayOfMonth = (): fc.Arbitrary<unknown> =>
  fc.constantFrom<unknown>(0, 32, -1, 1.5, 99, Number.NaN, '10', null);

/** IPv4 fields that must be refused: IPv6, out-of-range octets, CIDRs, leading zeros, garbage. */
export const invalidIpv4Address = (): fc.Arbitrary<unknown> =>
  fc.constantFrom<unknown>(
    '::1',
    '2001:db8::1',
    '::ffff:10.0.0.1',
    '10.0.0.256',
    '10.0.0.1/24',
    '010.0.0.1',
    '10.0.0',
    'router',
    42,
  );

/** Calendar dates that do not exist or have the wrong shape. */
export const impossibleDate = (): fc.Arbitrary<unknown> =>
  fc.constantFrom<unknown>(
    '2026-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-32',
    '20260101',
    '2026/01/01',
    '',
  );

/**
 * A contract input with exactly one invalid value, and the `field` the typed error must name: a malformed
 * item amount, a due or closing day of 0 or 32, an account IP that is IPv6 or garbage, an impossible start
 * date, an oversized or control-character id.
 */
export const contractWithInvalidField = (
  planIds: readonly string[],
): fc.Arbitrary<{ readonly input: Record<string, unknown>; readonly field: string }> =>
  fc
    .tuple(
      validContract(planIds),
      fc.oneof(
        malformedAmount().map((v) => ['amount', v] as const),
        invalidDayOfMonth().map((v) => ['dueDay', v] as const),
        invalidDayOfMonth().map((v) => ['closingDay', v] as const),
        invalidIpv4Address().map((v) => ['ipv4', v] as const),
        impossibleDate().map((v) => ['startDate', v] as const),
        fc.oneof(oversizedString(), fc.constantFrom('bad\u0000id', '')).map((v) => ['id', v] as const),
      ),
    )
    .map(([contract, [what, value]]) => {
      const items = contract['items'] as Record<string, unknown>[];
      const settings = contract['invoiceSettings'] as Record<string, unknown>;
      switch (what) {
        case 'amount':
          return {
            input: {
              ...contract,
              items: [
                ...items,
                { id: 'bad', kind: 'one-off', description: 'x', amount: value, billOn: '2026-01' },
              ],
            },
            field: `items[${items.length}].amount`,
          };
        case 'dueDay':
        case 'closingDay':
          return {
            input: { ...contract, invoiceSettings: { ...settings, [what]: value } },
            field: `invoiceSettings.${what}`,
          };
        case 'ipv4': {
          const first = items[0]!;
          const account = { ...(first['account'] as Record<string, unknown>), ipv4: value };
          return {
            input: { ...contract, items: [{ ...first, account }, ...items.slice(1)] },
            field: 'items[0].account.ipv4',
          };
        }
        case 'startDate':
          return { input: { ...contract, startDate: value }, field: 'startDate' };
        default:
          return { input: { ...contract, id: value }, field: 'id' };
      }
    });
