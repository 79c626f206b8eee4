import fc from 'fast-check';
import type { BillingCycleSettings, PeriodReference } from '../cycle/settings';
import { dateOfEpochDay, type LocalDate, toEpochDay, type YearMonth } from '../dates/local-date';
import type { ContractBilling } from '../invoice/contract-billing';
import type { Invoice, InvoiceLine, InvoiceTerms, LineKind, Payment } from '../invoice/types';
import { CURRENCY_CODES, CURRENCY_MINOR_UNITS, type CurrencyCode } from '../money/currency';
import type { RoundingMode } from '../money/rounding';

/** Builds an arbitrary once per key (building arbitraries inside `chain` on every sample is slow). */
function memo<K, V>(build: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = build(key);
      cache.set(key, v);
    }
    return v;
  };
}

const contractIdArb = memo((_: 'id') => fc.stringMatching(/^[a-z0-9-]{1,12}$/));

/** Any supported currency. */
export const currencyArb = (): fc.Arbitrary<CurrencyCode> => fc.constantFrom(...CURRENCY_CODES);

/** A rounding mode. */
export const roundingModeArb = (): fc.Arbitrary<RoundingMode> =>
  fc.constantFrom('half-up', 'half-even', 'truncate');

/** Formats integer minor units as a decimal string of the currency. */
export function minorToAmount(minor: number, currency: CurrencyCode): string {
  const scale = CURRENCY_MINOR_UNITS[currency];
  if (scale === 0) return String(minor);
  const unit = 10 ** scale;
  const whole = Math.floor(minor / unit);
  const frac = String(minor % unit).padStart(scale, '0');
  return `${whole}.${frac}`;
}

/** A valid amount in a currency (a decimal string with the currency's minor units), in major units `min`…`max`. */
export function amountArb(
  currency: CurrencyCode,
  options?: { min?: number; max?: number },
): fc.Arbitrary<string> {
  const unit = 10 ** CURRENCY_MINOR_UNITS[currency];
  const min = Math.round((options?.min ?? 0) * unit);
  const max = Math.round((options?.max ?? 100_000) * unit);
  return fc.integer({ min, max }).map((minor) => minorToAmount(minor, currency));
}

/** A currency together with an amount in it. */
export const moneyArb = (options?: {
  min?: number;
  max?: number;
}): fc.Arbitrary<{ currency: CurrencyCode; amount: string }> =>
  currencyArb().chain((currency) => amountArb(currency, options).map((amount) => ({ currency, amount })));

/** A calendar date 'YYYY-MM-DD' between two years (default 2000–2040, spanning many leap years). */
export function localDateArb(options?: { minYear?: number; maxYear?: number }): fc.Arbitrary<LocalDate> {
  const min = toEpochDay(options?.minYear ?? 2000, 1, 1);
  const max = toEpochDay(options?.maxYear ?? 2040, 12, 31);
  return fc.integer({ min, max }).map(dateOfEpochDay);
}

/** A date that is always 29 February of a leap year. */
export const leapDayArb = (): fc.Arbitrary<LocalDate> =>
  fc
    .integer({ min: 500, max: 2499 })
    .map((k) => k * 4)
    .filter((y) => y % 100 !== 0 || y % 400 === 0)
    .map((y) => `${y}-02-29`);

/** A month 'YYYY-MM'. */
export function yearMonthArb(options?: { minYear?: number; maxYear?: number }): fc.Arbitrary<YearMonth> {
  return fc
    .record({
      year: fc.integer({ min: options?.minYear ?? 2000, max: options?.maxYear ?? 2040 }),
      month: fc.integer({ min: 1, max: 12 }),
    })
    .map(({ year, month }) => `${year}-${month < 10 ? '0' : ''}${month}`);
}

/** A day of the month 1–31 (1–28 when `max` is 28). */
export const dayOfMonthArb = (max: 28 | 31 = 31): fc.Arbitrary<number> => fc.integer({ min: 1, max });

/** Valid billing cycle settings. */
export function cycleSettingsArb(): fc.Arbitrary<BillingCycleSettings> {
  return fc.record(
    {
      closingDay: dayOfMonthArb(),
      dueDay: dayOfMonthArb(),
      minLeadDays: fc.integer({ min: 0, max: 20 }),
      periodReference: fc.constantFrom<PeriodReference>('due-date', 'issue-date', 'from-due-date'),
    },
    { requiredKeys: ['closingDay', 'dueDay'] },
  );
}

/** Charging terms within common ranges (fine 0–10 %, interest 0–5 % a month, every option). */
export function invoiceTermsArb(currency: CurrencyCode = 'BRL'): fc.Arbitrary<InvoiceTerms> {
  const percent = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => (n / 100).toFixed(2));
  return fc.record(
    {
      fine: fc.oneof(
        percent(10).map((p) => ({ kind: 'percent' as const, percent: p })),
        amountArb(currency, { max: 50 }).map((a) => ({ kind: 'fixed' as const, amount: a })),
      ),
      interest: fc.record({
        monthlyPercent: percent(5),
        basis: fc.constantFrom('30-day' as const, 'actual-month' as const, 'annual-365' as const),
        method: fc.constantFrom('rate' as const, 'value-per-day' as const),
      }),
      earlyPaymentDiscount: fc.oneof(
        amountArb(currency, { max: 20 }).map((a) => ({ kind: 'fixed' as const, amount: a })),
        percent(10).map((p) => ({ kind: 'percent' as const, percent: p })),
      ),
      lateFrom: fc.constantFrom('effective-due-date' as const, 'original-due-date' as const),
    },
    { requiredKeys: [] },
  );
}

/** An invoice line; penalty lines are fines, interest or fees. */
export function invoiceLineArb(
  currency: CurrencyCode,
  options?: { maxAmount?: number },
): fc.Arbitrary<InvoiceLine> {
  return fc
    .record({
      id: fc.uuid(),
      kind: fc.constantFrom<LineKind>(
        'service',
        'item',
        'installment',
        'discount',
        'proration',
        'fine',
        'interest',
        'fee',
      ),
      amount: amountArb(currency, { max: options?.maxAmount ?? 1000 }),
    })
    .map(({ id, kind, amount }) => ({
      id,
      kind,
      effect: kind === 'discount' ? ('credit' as const) : ('charge' as const),
      description: `${kind} line`,
      amount,
      penalty: kind === 'fine' || kind === 'interest' || kind === 'fee',
    }));
}

interface PaymentSeed {
  readonly offset: number;
  readonly share: number;
}

/**
 * An open or partially paid invoice with 1–6 lines (at least one service line) and 0–3 payments dated
 * around its due date. Payments never exceed the total, so `status` is consistent.
 */
export function invoiceArb(options?: {
  currency?: CurrencyCode;
  withPayments?: boolean;
}): fc.Arbitrary<Invoice> {
  const withPayments = options?.withPayments !== false;
  if (options?.currency !== undefined) return invoiceFor(options.currency, withPayments);
  return currencyArb().chain((currency) => invoiceFor(currency, withPayments));
}

const invoiceByKey = memo((key: string) =>
  buildInvoiceArb(key.slice(0, 3) as CurrencyCode, key.endsWith('|1')),
);
const invoiceFor = (currency: CurrencyCode, withPayments: boolean): fc.Arbitrary<Invoice> =>
  invoiceByKey(`${currency}|${withPayments ? 1 : 0}`);

function buildInvoiceArb(currency: CurrencyCode, withPayments: boolean): fc.Arbitrary<Invoice> {
  return fc
    .record({
      contractId: contractIdArb('id'),
      issue: localDateArb({ minYear: 2020, maxYear: 2030 }),
      lead: fc.integer({ min: 0, max: 20 }),
      rounding: roundingModeArb(),
      service: amountArb(currency, { min: 1, max: 1000 }),
      others: fc.array(invoiceLineArb(currency, { maxAmount: 100 }), { maxLength: 5 }),
      terms: invoiceTermsArb(currency),
      payments: !withPayments
        ? fc.constant<PaymentSeed[]>([])
        : fc.array<PaymentSeed>(
            fc.record({
              offset: fc.integer({ min: -5, max: 40 }),
              share: fc.integer({ min: 1, max: 100 }),
            }),
            { maxLength: 3 },
          ),
    })
    .map((r) => {
      const issueDay = toEpochDay(
        Number(r.issue.slice(0, 4)),
        Number(r.issue.slice(5, 7)),
        Number(r.issue.slice(8, 10)),
      );
      const dueDay = issueDay + r.lead;
      const lines: InvoiceLine[] = [
        {
          id: 'service',
          kind: 'service',
          effect: 'charge',
          description: 'Internet',
          amount: r.service,
          penalty: false,
        },
        ...r.others.filter((l) => l.kind !== 'discount'),
      ];
      const unit = 10 ** CURRENCY_MINOR_UNITS[currency];
      const totalMinor = lines.reduce((s, l) => s + Math.round(Number(l.amount) * unit), 0);
      let left = totalMinor - 1;
      const payments: Payment[] = [];
      r.payments.forEach((p, i) => {
        const minor = Math.floor((left * p.share) / 100);
        if (minor <= 0) return;
        left -= minor;
        payments.push({
          id: `p${i}`,
          date: dateOfEpochDay(dueDay + p.offset),
          amount: minorToAmount(minor, currency),
        });
      });
      const period = { start: dateOfEpochDay(issueDay), end: dateOfEpochDay(issueDay + 30) };
      return {
        id: `invoice:${r.contractId}:${period.start}`,
        key: `invoice:${r.contractId}:${period.start}`,
        contractId: r.contractId,
        currency,
        rounding: r.rounding,
        issueDate: period.start,
        dueDate: dateOfEpochDay(dueDay),
        period,
        lines,
        payments,
        status: payments.length > 0 ? ('partially-paid' as const) : ('open' as const),
        terms: r.terms,
      };
    });
}

/** A contract's billing data with a plan, optional discount and an installment plan. */
export function contractBillingArb(options?: { currency?: CurrencyCode }): fc.Arbitrary<ContractBilling> {
  if (options?.currency !== undefined) return contractFor(options.currency);
  return currencyArb().chain(contractFor);
}

const contractFor = memo(
  (currency: CurrencyCode): fc.Arbitrary<ContractBilling> =>
    fc.record({
      contractId: contractIdArb('id'),
      currency: fc.constant(currency),
      rounding: roundingModeArb(),
      cycle: cycleSettingsArb(),
      startDate: localDateArb({ minYear: 2020, maxYear: 2030 }),
      firstInvoice: fc.constantFrom('prorated' as const, 'full' as const, 'skip' as const),
      proration: fc.constantFrom('actual-days' as const, '30-day' as const),
      recurring: fc
        .tuple(amountArb(currency, { min: 1, max: 1000 }))
        .map(([amount]) => [{ id: 'plan', description: 'Internet', amount }]),
      terms: invoiceTermsArb(currency),
    }),
);

// ---------------------------------------------------------------------------------------------------------
// Invalid inputs: every public function must answer these with a typed error, never a throw.

/** Amounts that must be rejected: negative, malformed, exponent, comma, whitespace, numbers, NaN, oversized. */
export function invalidAmountArb(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer({ min: 1, max: 1_000_000 }).map((n) => `-${n}.00`),
    fc.constantFrom(
      '1e3',
      '12,50',
      ' 10.00',
      '10.00 ',
      '+5',
      '.5',
      '5.',
      '0x10',
      'NaN',
      'Infinity',
      '',
      '1..0',
      '١٠',
    ),
    fc.double().map((n) => n as unknown),
    fc.constantFrom(Number.NaN, null, undefined, true, {}, [], 10),
    fc.integer({ min: 16, max: 40 }).map((n) => '9'.repeat(n)),
  );
}

/** Strings that are not calendar dates: impossible days (2025-02-30), bad months, wrong shapes. */
export function impossibleDateArb(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(
      '2025-02-29',
      '2025-02-30',
      '2024-02-30',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-01-32',
      '20250101',
      '2025-1-1',
      '2025/01/01',
      '2025-01-01T00:00:00Z',
      '0999-01-01',
      '',
    ),
    fc.constantFrom(Number.NaN, null, 20250101, new Date(0) as unknown),
  );
}

/** Days of the month that must be rejected: 0, 32, negative, fractional, NaN, strings. */
export function invalidDayArb(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(0, 32, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10', null),
    fc.integer({ min: 32, max: 10_000 }),
    fc.integer({ min: -10_000, max: 0 }),
  );
}

/** Strings longer than any accepted field. */
export const oversizedStringArb = (): fc.Arbitrary<string> =>
  fc.integer({ min: 501, max: 5000 }).map((n) => 'x'.repeat(n));

/** Strings containing ASCII control characters. */
export const controlCharStringArb = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.integer({ min: 0, max: 31 }), fc.string({ maxLength: 10 }))
    .map(([a, c, b]) => `${a}${String.fromCharCode(c)}${b}`);

/** An object with an own `__proto__` key (as JSON.parse produces), merged over `base`. */
export function protoPollutedArb<T extends object>(base: T): fc.Arbitrary<T> {
  return fc
    .constantFrom('__proto__', 'constructor', 'prototype')
    .map((key) => Object.assign(JSON.parse(`{"${key}": {"polluted": true}}`), base) as T);
}
