import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import type { BillingError, ContractBilling, Invoice } from '../src/index';
import * as billing from '../src/index';
import {
  controlCharStringArb,
  impossibleDateArb,
  invalidAmountArb,
  invalidDayArb,
  oversizedStringArb,
  protoPollutedArb,
} from '../src/testing/arbitraries';
import { makeInvoice } from './fixtures';

const TYPES = new Set<BillingError['type']>([
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

const expectTypedError = (r: { isErr(): boolean; error?: unknown } & object, field?: string): void => {
  expect(r.isErr()).toBe(true);
  const e = (r as { error: BillingError }).error;
  expect(TYPES.has(e.type)).toBe(true);
  expect(typeof e.message).toBe('string');
  if (field !== undefined) expect(e.field).toBe(field);
};

const contract: ContractBilling = {
  contractId: 'c-1',
  currency: 'BRL',
  cycle: { closingDay: 1, dueDay: 10 },
  startDate: '2025-01-01',
  recurring: [{ id: 'plan', description: 'Internet', amount: '100.00' }],
};
const untyped = <T>(value: unknown): T => value as T;

test.prop([invalidAmountArb()])('invalid amounts give a typed error naming the field', (amount) => {
  expectTypedError(billing.roundMoney({ amount: untyped(amount), currency: 'BRL' }), 'amount');
  expectTypedError(billing.splitInstallments({ total: untyped(amount), count: 2, currency: 'BRL' }), 'total');
  expectTypedError(
    billing.generateInvoice(
      { ...contract, recurring: [{ id: 'p', description: 'x', amount: untyped(amount) }] },
      '2025-02',
    ),
    'contract.recurring[0].amount',
  );
  expectTypedError(
    billing.registerPayment(makeInvoice(), { id: 'p', date: '2026-06-01', amount: untyped(amount) }),
    'payment.amount',
  );
  expectTypedError(
    billing.prorate({
      price: untyped(amount),
      currency: 'BRL',
      period: { start: '2025-01-01', end: '2025-02-01' },
      billed: { start: '2025-01-01', end: '2025-02-01' },
    }),
    'price',
  );
});

test.prop([impossibleDateArb()])('impossible dates give INVALID_DATE naming the field', (date) => {
  expectTypedError(billing.effectiveDueDate(untyped(date)), 'dueDate');
  expectTypedError(billing.daysLate({ dueDate: '2025-01-10', date: untyped(date) }), 'date');
  expectTypedError(billing.lateCharges(makeInvoice(), untyped(date)), 'asOf');
  expectTypedError(
    billing.generateInvoice({ ...contract, startDate: untyped(date) }, '2025-02'),
    'contract.startDate',
  );
  expectTypedError(
    billing.lateCharges(makeInvoice({ dueDate: untyped(date) }), '2026-06-01'),
    'invoice.dueDate',
  );
});

test.prop([invalidDayArb()])('days 0, 32 and other non-days give INVALID_DAY', (day) => {
  expectTypedError(
    billing.billingCycle({ closingDay: untyped(day), dueDay: 10 }, '2025-01'),
    'cycle.closingDay',
  );
  expectTypedError(billing.billingCycle({ closingDay: 1, dueDay: untyped(day) }, '2025-01'), 'cycle.dueDay');
  expectTypedError(billing.clampDay('2025-02', untyped(day)), 'day');
});

test.prop([fc.oneof(oversizedStringArb(), controlCharStringArb())])(
  'oversized strings and control characters are rejected',
  (s) => {
    expectTypedError(
      billing.generateInvoice({ ...contract, contractId: s }, '2025-02'),
      'contract.contractId',
    );
    expectTypedError(
      billing.registerPayment(makeInvoice(), { id: s, date: '2026-06-01', amount: '1.00' }),
      'payment.id',
    );
  },
);

test.prop([protoPollutedArb(contract)])('__proto__/constructor/prototype keys are rejected', (polluted) => {
  expectTypedError(billing.generateInvoice(polluted, '2025-02'));
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test.prop([protoPollutedArb(makeInvoice())])('polluted invoices are rejected', (polluted: Invoice) => {
  expectTypedError(billing.invoiceSummary(polluted));
  expectTypedError(billing.mergeInvoices([polluted, makeInvoice({ id: 'x' })], '2026-07-01'));
});

test.prop([fc.anything()])('arbitrary values never make a public function throw', (value) => {
  const v = untyped<never>(value);
  const calls = [
    () => billing.generateInvoice(v, '2025-01'),
    () => billing.generateInvoice(contract, v),
    () => billing.lateCharges(v, '2026-01-01'),
    () => billing.amountDueOn(v, '2026-01-01'),
    () => billing.registerPayment(makeInvoice(), v),
    () => billing.mergeInvoices(v, '2026-01-01'),
    () => billing.cancelOpenInvoices(v, '2026-01-01'),
    () => billing.splitInstallments(v),
    () => billing.prorate(v),
    () => billing.planChange(v),
    () => billing.suspensionCredit(v),
    () => billing.earlyPaymentDiscount(v),
    () => billing.validateTerms(v),
    () => billing.billingCycle(v, '2025-01'),
    () => billing.daysLate(v),
    () => billing.invoiceSummary(v),
    () => billing.applyLateCharges(v, '2026-01-01'),
    () => billing.roundMoney(v),
    () => billing.sumMoney(v, 'BRL'),
  ];
  for (const call of calls) {
    const r = call();
    if (r.isErr()) expect(TYPES.has(r.error.type)).toBe(true);
  }
});
