// Every exported function of @isp/billing under generated input, valid and invalid (see test-support/fuzz-harness.ts).
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  controlString,
  describeFuzzSuite,
  type FuzzTable,
  oversized,
  pollutingObject,
} from '../../../../test-support/fuzz-harness';
import * as api from '../../src/index';
import {
  amountArb,
  contractBillingArb,
  currencyArb,
  cycleSettingsArb,
  impossibleDateArb,
  invalidAmountArb,
  invalidDayArb,
  invoiceArb,
  invoiceTermsArb,
  localDateArb,
  moneyArb,
  roundingModeArb,
  yearMonthArb,
} from '../../src/testing/index';

const PKG = '@isp/billing';
const ERROR_TYPES: ReadonlySet<string> = new Set<api.BillingErrorType>([
  'INVALID_AMOUNT',
  'NEGATIVE_AMOUNT',
  'INVALID_DATE',
  'INVALID_DAY',
  'INVALID_PERIOD',
  'UNKNOWN_CURRENCY',
  'INVALID_OPTION',
  'INVALID_INPUT',
  'INSTALLMENT_BELOW_MINOR_UNIT',
  'CURRENCY_MISMATCH',
  'NO_BUSINESS_DAY',
  'CALENDAR_FAILED',
  'INVOICE_NOT_PAYABLE',
  'NOTHING_TO_MERGE',
]);

const date = (): fc.Arbitrary<string> => localDateArb({ minYear: 1990, maxYear: 2060 });
const anyDate = (): fc.Arbitrary<unknown> => fc.oneof(date(), impossibleDateArb());
const period = (): fc.Arbitrary<{ start: string; end: string }> =>
  fc
    .tuple(date(), fc.integer({ min: 1, max: 400 }))
    .map(([start, n]) => ({ start, end: api.addDays(start, n)._unsafeUnwrap() }));
const weekendCalendar = (d: string): boolean => {
  const w = new Date(`${d}T00:00:00Z`).getUTCDay();
  return w === 0 || w === 6;
};
/** A calendar option: none, weekends, every day closed, a throwing one, or not a function. */
const calendar = (): fc.Arbitrary<unknown> =>
  fc.constantFrom(
    undefined,
    { isNonBusinessDay: weekendCalendar },
    { isNonBusinessDay: () => true },
    {
      isNonBusinessDay: () => {
        throw new Error('calendar down');
      },
    },
    { isNonBusinessDay: 'weekends' },
  );
const hostileString = (): fc.Arbitrary<unknown> =>
  fc.oneof(oversized(), controlString(), fc.constantFrom('', '__proto__', null, 42));
const invoices = (): fc.Arbitrary<api.Invoice[]> =>
  currencyArb().chain((currency) => fc.array(invoiceArb({ currency }), { minLength: 1, maxLength: 4 }));

/** Each case: valid argument lists, and invalid ones from ./testing's invalid arbitraries. */
const table: FuzzTable<typeof api> = {
  addDays: {
    returns: 'result',
    valid: fc.tuple(date(), fc.integer({ min: -100_000, max: 100_000 })),
    invalid: fc.tuple(anyDate(), fc.oneof(fc.integer(), fc.constantFrom(Number.NaN, 1.5, 1e300, '1'))),
  },
  amountDueOn: {
    returns: 'result',
    valid: fc.tuple(invoiceArb(), date(), calendar()),
    invalid: fc.tuple(invoiceArb(), impossibleDateArb()),
  },
  applyLateCharges: {
    returns: 'result',
    valid: fc.tuple(invoiceArb(), date(), calendar()),
    invalid: fc.tuple(
      invoiceArb().map((i) => ({ ...i, lines: [{ ...i.lines[0], amount: '-1.00' }] })),
      date(),
    ),
  },
  billingCycle: {
    returns: 'result',
    valid: fc.tuple(
      cycleSettingsArb(),
      yearMonthArb(),
      fc.option(fc.record({ issueDate: date() }), { nil: undefined }),
    ),
    invalid: fc.tuple(
      cycleSettingsArb().chain((s) => invalidDayArb().map((closingDay) => ({ ...s, closingDay }))),
      fc.oneof(yearMonthArb(), fc.constantFrom('2025-13', '2025-00', '25-01', '')),
    ),
  },
  // The unchecked calendar primitives (documented: garbage in gives NaN or 'NaN-NaN-NaN', never a throw).
  'calendar.addDays': {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(date(), fc.integer({ min: -100_000, max: 100_000 })),
    check: (out, [d, n]) => expect(api.daysBetween(d as string, out as string)._unsafeUnwrap()).toBe(n),
  },
  'calendar.daysBetween': { returns: 'value', trusted: true, valid: fc.tuple(date(), date()) },
  'calendar.daysInMonth': {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 })),
    check: (out) => expect([28, 29, 30, 31]).toContain(out),
  },
  'calendar.epochDayOfYmd': {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(
      fc.integer({ min: 1000, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    ),
  },
  'calendar.fromEpochDay': {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(fc.integer({ min: -354_000, max: 2_900_000 })),
    check: (out, [n]) => expect(api.calendar.toEpochDay(out)).toBe(n),
  },
  'calendar.isLeapYear': {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(fc.integer({ min: 1000, max: 9999 })),
  },
  'calendar.toEpochDay': {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(date()),
    invalid: fc.tuple(impossibleDateArb()),
    check: (out, [d]) => expect(api.calendar.fromEpochDay(out as number)).toBe(d),
  },
  'calendar.weekdayOfEpochDay': {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(fc.integer({ min: -1_000_000, max: 3_000_000 })),
    check: (out) => expect([0, 1, 2, 3, 4, 5, 6]).toContain(out),
  },
  cancelOpenInvoices: {
    returns: 'result',
    valid: fc.tuple(invoices(), date()),
    invalid: fc.tuple(invoices(), impossibleDateArb()),
  },
  clampDay: {
    returns: 'result',
    valid: fc.tuple(yearMonthArb({ minYear: 1900, maxYear: 2400 }), fc.integer({ min: 1, max: 31 })),
    invalid: fc.tuple(yearMonthArb(), invalidDayArb()),
  },
  daysBetween: {
    returns: 'result',
    valid: fc.tuple(date(), date()),
    invalid: fc.tuple(anyDate(), anyDate()),
  },
  daysInMonthOf: {
    returns: 'result',
    valid: fc.tuple(yearMonthArb({ minYear: 1600, maxYear: 2400 })),
    invalid: fc.tuple(fc.constantFrom('2025-13', '2025-00', '2025-1', '0000-01', '2025/01', '')),
  },
  daysLate: {
    returns: 'result',
    valid: fc.tuple(
      fc.record(
        {
          dueDate: date(),
          date: date(),
          lateFrom: fc.constantFrom('effective-due-date', 'original-due-date'),
          isNonBusinessDay: fc.constant(weekendCalendar),
        },
        { requiredKeys: ['dueDate', 'date'] },
      ),
    ),
    invalid: fc.tuple(fc.record({ dueDate: anyDate(), date: impossibleDateArb() })),
  },
  dueDateFor: {
    returns: 'result',
    valid: fc.tuple(cycleSettingsArb(), date()),
    invalid: fc.tuple(
      cycleSettingsArb().chain((s) => invalidDayArb().map((dueDay) => ({ ...s, dueDay }))),
      anyDate(),
    ),
  },
  earlyPaymentDiscount: {
    returns: 'result',
    valid: fc.tuple(
      moneyArb({ max: 5000 }).chain(({ currency, amount }) =>
        fc.record({
          amount: fc.constant(amount),
          currency: fc.constant(currency),
          rounding: roundingModeArb(),
          discount: fc.oneof(
            amountArb(currency, { max: 50 }).map((a) => ({ kind: 'fixed' as const, amount: a })),
            fc
              .integer({ min: 0, max: 1000 })
              .map((n) => ({ kind: 'percent' as const, percent: `${n / 100}` })),
          ),
          dueDate: date(),
          paidOn: date(),
        }),
      ),
    ),
    invalid: fc.tuple(
      fc.record({
        amount: invalidAmountArb(),
        currency: fc.constant('BRL'),
        discount: fc.constant({ kind: 'fixed', amount: '5.00' }),
        dueDate: date(),
        paidOn: date(),
      }),
    ),
  },
  effectiveDueDate: {
    returns: 'result',
    valid: fc.tuple(date(), fc.constantFrom(undefined, weekendCalendar)),
    invalid: fc.tuple(
      impossibleDateArb(),
      fc.constantFrom(undefined, () => true, 'x'),
    ),
  },
  generateInvoice: {
    returns: 'result',
    valid: fc.tuple(
      contractBillingArb(),
      yearMonthArb({ minYear: 2019, maxYear: 2032 }),
      fc.option(fc.record({ onDemand: fc.boolean(), issueDate: date() }, { requiredKeys: [] }), {
        nil: undefined,
      }),
    ),
    invalid: fc.tuple(
      contractBillingArb().chain((c) =>
        fc.oneof(
          invalidAmountArb().map((amount) => ({
            ...c,
            recurring: [{ id: 'plan', description: 'Internet', amount }],
          })),
          impossibleDateArb().map((startDate) => ({ ...c, startDate })),
          hostileString().map((contractId) => ({ ...c, contractId })),
          pollutingObject().map((p) => Object.assign(p, c)),
        ),
      ),
      fc.oneof(yearMonthArb(), fc.constantFrom('2025-13', 'x')),
    ),
  },
  installmentKey: {
    returns: 'value',
    // Key builders take strings; anything else is a documented programmer error (a TypeError at most).
    trusted: true,
    valid: fc.tuple(fc.stringMatching(/^[a-z0-9-]{1,20}$/), fc.integer({ min: 1, max: 360 })),
  },
  invoiceKey: {
    returns: 'value',
    // Key builders take strings; anything else is a documented programmer error (a TypeError at most).
    trusted: true,
    valid: fc.tuple(fc.stringMatching(/^[a-z0-9-]{1,20}$/), date()),
  },
  invoiceSummary: {
    returns: 'result',
    valid: fc.tuple(invoiceArb(), fc.option(date(), { nil: undefined })),
    invalid: fc.tuple(
      invoiceArb().chain((i) =>
        invalidAmountArb().map((amount) => ({ ...i, payments: [{ id: 'p', date: i.dueDate, amount }] })),
      ),
    ),
  },
  isClosingDate: {
    returns: 'result',
    valid: fc.tuple(cycleSettingsArb(), date()),
    invalid: fc.tuple(
      cycleSettingsArb().chain((s) => invalidDayArb().map((closingDay) => ({ ...s, closingDay }))),
      anyDate(),
    ),
  },
  isLeapYear: {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(fc.integer({ min: -10_000, max: 10_000 })),
  },
  lateCharges: {
    returns: 'result',
    valid: fc.tuple(invoiceArb(), date(), calendar()),
    invalid: fc.tuple(invoiceArb(), impossibleDateArb()),
  },
  mergeInvoices: {
    returns: 'result',
    valid: fc.tuple(
      invoices(),
      date(),
      fc.option(fc.record({ applyLateCharges: fc.boolean() }), { nil: undefined }),
    ),
    invalid: fc.tuple(
      fc.oneof(
        fc.constant([]),
        invoices().map((l) => [...l, ...l]),
      ),
      anyDate(),
    ),
  },
  minorUnits: {
    returns: 'result',
    valid: fc.tuple(currencyArb()),
    invalid: fc.tuple(fc.constantFrom('__proto__', 'constructor', 'toString', 'XXX', '', 7, null)),
    check: (out) => expect(Number.isInteger(out)).toBe(true),
  },
  parseMoney: {
    returns: 'result',
    valid: fc.tuple(
      moneyArb().map(({ amount }) => amount),
      currencyArb(),
    ),
    invalid: fc.tuple(
      invalidAmountArb(),
      fc.oneof(currencyArb(), fc.constantFrom('XXX', '__proto__', 'brl')),
    ),
  },
  paymentKey: {
    returns: 'value',
    // Key builders take strings; anything else is a documented programmer error (a TypeError at most).
    trusted: true,
    valid: fc.tuple(fc.stringMatching(/^[a-z0-9:-]{1,30}$/), fc.stringMatching(/^[A-Za-z0-9]{1,32}$/)),
  },
  planChange: {
    returns: 'result',
    valid: fc.tuple(
      currencyArb().chain((currency) =>
        period().chain((p) =>
          fc.record(
            {
              oldPrice: amountArb(currency, { max: 1000 }),
              newPrice: amountArb(currency, { max: 1000 }),
              currency: fc.constant(currency),
              rounding: roundingModeArb(),
              convention: fc.constantFrom('actual-days' as const, '30-day' as const),
              period: fc.constant(p),
              changeDate: fc
                .integer({ min: 0, max: api.daysBetween(p.start, p.end)._unsafeUnwrap() })
                .map((n) => api.addDays(p.start, n)._unsafeUnwrap()),
            },
            { requiredKeys: ['oldPrice', 'newPrice', 'currency', 'period', 'changeDate'] },
          ),
        ),
      ),
    ),
    invalid: fc.tuple(
      fc.record({
        oldPrice: invalidAmountArb(),
        newPrice: fc.constant('10.00'),
        currency: fc.constant('BRL'),
        period: fc.constant({ start: '2025-01-31', end: '2025-01-01' }),
        changeDate: anyDate(),
      }),
    ),
  },
  prorate: {
    returns: 'result',
    valid: fc.tuple(
      currencyArb().chain((currency) =>
        period().chain((p) =>
          fc.record(
            {
              price: amountArb(currency, { max: 10_000 }),
              currency: fc.constant(currency),
              rounding: roundingModeArb(),
              convention: fc.constantFrom('actual-days' as const, '30-day' as const),
              period: fc.constant(p),
              billed: fc.constant(p),
            },
            { requiredKeys: ['price', 'currency', 'period', 'billed'] },
          ),
        ),
      ),
    ),
    invalid: fc.tuple(
      fc.record({
        price: invalidAmountArb(),
        currency: fc.constantFrom('BRL', 'XXX', '__proto__'),
        period: fc.record({ start: anyDate(), end: anyDate() }),
        billed: fc.record({ start: anyDate(), end: anyDate() }),
      }),
    ),
  },
  registerPayment: {
    returns: 'result',
    valid: fc
      .tuple(
        invoiceArb(),
        fc.record({
          id: fc.stringMatching(/^[a-z0-9]{1,12}$/),
          date: date(),
          amount: fc
            .integer({ min: 1, max: 200_000 })
            .map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`),
        }),
        calendar(),
      )
      .map(([invoice, payment, cal]) => [
        invoice,
        { ...payment, amount: invoice.currency === 'CLP' ? payment.amount.split('.')[0]! : payment.amount },
        cal,
      ]),
    invalid: fc.tuple(
      invoiceArb(),
      fc.record({ id: hostileString(), date: anyDate(), amount: invalidAmountArb() }),
    ),
  },
  roundMoney: {
    returns: 'result',
    valid: fc.tuple(
      fc.record(
        {
          amount: fc
            .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 9_999_999 }))
            .map(([a, b]) => `${a}.${b}`),
          currency: currencyArb(),
          rounding: roundingModeArb(),
        },
        { requiredKeys: ['amount', 'currency'] },
      ),
    ),
    invalid: fc.tuple(fc.record({ amount: invalidAmountArb(), currency: currencyArb() })),
  },
  splitInstallments: {
    returns: 'result',
    valid: fc.tuple(
      moneyArb({ min: 1, max: 100_000 }).chain(({ currency, amount }) =>
        fc.record(
          {
            total: fc.constant(amount),
            currency: fc.constant(currency),
            count: fc.integer({ min: 1, max: api.MAX_INSTALLMENTS }),
            strategy: fc.constantFrom(...api.INSTALLMENT_STRATEGIES),
          },
          { requiredKeys: ['total', 'currency', 'count'] },
        ),
      ),
    ),
    invalid: fc.tuple(
      fc.record({
        total: invalidAmountArb(),
        currency: fc.constant('BRL'),
        count: fc.oneof(invalidDayArb(), fc.integer({ min: api.MAX_INSTALLMENTS + 1, max: 1e9 })),
      }),
    ),
  },
  sumMoney: {
    returns: 'result',
    valid: currencyArb().chain((currency) =>
      fc.tuple(fc.array(amountArb(currency), { maxLength: 20 }), fc.constant(currency)),
    ),
    invalid: fc.tuple(fc.array(invalidAmountArb(), { minLength: 1, maxLength: 3 }), currencyArb()),
  },
  suspensionCredit: {
    returns: 'result',
    valid: fc.tuple(
      currencyArb().chain((currency) =>
        period().chain((p) =>
          fc.record(
            {
              price: amountArb(currency, { max: 10_000 }),
              currency: fc.constant(currency),
              rounding: roundingModeArb(),
              period: fc.constant(p),
              suspension: fc.constant(p),
            },
            { requiredKeys: ['price', 'currency', 'period', 'suspension'] },
          ),
        ),
      ),
    ),
    invalid: fc.tuple(
      fc.record({
        price: invalidAmountArb(),
        currency: fc.constant('BRL'),
        period: fc.record({ start: anyDate(), end: anyDate() }),
        suspension: fc.record({ start: anyDate(), end: anyDate() }),
      }),
    ),
  },
  validateTerms: {
    returns: 'result',
    valid: fc.tuple(
      currencyArb().chain((currency) =>
        fc.record(
          {
            profile: fc.constantFrom(...api.JURISDICTION_PROFILES),
            currency: fc.constant(currency),
            terms: invoiceTermsArb(currency),
            referenceAmount: amountArb(currency, { min: 1, max: 1000 }),
            minLeadDays: fc.integer({ min: 0, max: 30 }),
          },
          { requiredKeys: ['profile', 'currency', 'terms'] },
        ),
      ),
    ),
    invalid: fc.tuple(
      fc.record({
        profile: fc.constantFrom('BR-consumer', 'nowhere', '__proto__'),
        currency: fc.constant('BRL'),
        terms: fc.record({ fine: fc.record({ kind: fc.constant('percent'), percent: invalidAmountArb() }) }),
      }),
    ),
  },
};

describeFuzzSuite(PKG, api, table, ERROR_TYPES);
