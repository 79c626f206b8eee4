import { describe, expect, test } from 'vitest';
import type { ContractBilling } from './contract-billing';
import { generateInvoice } from './generate-invoice';
import { mergeInvoices } from './merge-invoices';
import type { Invoice } from './types';

const contract: ContractBilling = {
  contractId: 'c-42',
  currency: 'BRL',
  cycle: { closingDay: 1, dueDay: 10, periodReference: 'issue-date' },
  startDate: '2017-03-01',
  recurring: [{ id: 'plan', description: 'Internet 10 Mbps', amount: '99.90' }],
  installmentPlans: [
    { id: 'router', description: 'Router', total: '60.00', count: 3, startMonth: '2017-04' },
  ],
};

const generate = (month: string, options?: Parameters<typeof generateInvoice>[2]): Invoice => {
  const r = generateInvoice(contract, month, options)._unsafeUnwrap();
  if (r.kind !== 'invoice') throw new Error(`expected an invoice, got ${r.reason}`);
  return r.invoice;
};
const labels = (invoice: Invoice): string[] =>
  invoice.lines.flatMap((l) => (l.installment === undefined ? [] : [l.installment.label]));

describe('installments go on the invoices actually issued (M5)', () => {
  test('a month without an invoice consumes no part: April 1/3, (no May invoice), June 2/3, July 3/3', () => {
    const april = generate('2017-04', { previousInvoices: [] });
    const june = generate('2017-06', { previousInvoices: [april] });
    const july = generate('2017-07', { previousInvoices: [april, june] });
    const august = generate('2017-08', { previousInvoices: [april, june, july] });
    expect([april, june, july, august].map(labels)).toEqual([['1/3'], ['2/3'], ['3/3'], []]);
    // Without the history, the calendar rule would have put 3/3 on June and nothing on July.
    expect(labels(generate('2017-06'))).toEqual(['3/3']);
  });

  test('the first invoice after the start month carries part 1, however late it comes', () => {
    expect(labels(generate('2017-09', { previousInvoices: [] }))).toEqual(['1/3']);
    expect(labels(generate('2017-03', { previousInvoices: [] }))).toEqual([]);
  });

  test('idempotent per period: the invoice of the same period (or of a later one) is not counted', () => {
    const april = generate('2017-04', { previousInvoices: [] });
    const june = generate('2017-06', { previousInvoices: [april] });
    const july = generate('2017-07', { previousInvoices: [april, june] });
    expect(generate('2017-06', { previousInvoices: [july, june, april] })).toEqual(june);
    expect(generate('2017-04', { previousInvoices: [april, june, july] })).toEqual(april);
  });

  test('after a merge the moved parts count for the period they were first billed in', () => {
    const april = generate('2017-04', { previousInvoices: [] });
    const june = generate('2017-06', { previousInvoices: [april] });
    const merged = mergeInvoices([april, june], '2017-06-02')._unsafeUnwrap().invoices;
    expect(merged.map(labels)).toEqual([[], ['2/3', '1/3']]);
    expect(generate('2017-06', { previousInvoices: merged })).toEqual(june);
    expect(labels(generate('2017-07', { previousInvoices: merged }))).toEqual(['3/3']);
  });

  test('an explicit count wins: installmentsBilled', () => {
    expect(labels(generate('2017-05', { installmentsBilled: { router: 2 } }))).toEqual(['3/3']);
    expect(labels(generate('2017-05', { installmentsBilled: { router: 3 } }))).toEqual([]);
    expect(labels(generate('2017-05', { previousInvoices: [], installmentsBilled: { router: 1 } }))).toEqual([
      '2/3',
    ]);
  });

  test('rejects malformed history with a typed error naming the field', () => {
    const april = generate('2017-04', { previousInvoices: [] });
    const bad = (options: unknown) =>
      generateInvoice(contract, '2017-05', options as Parameters<typeof generateInvoice>[2]);
    expect(bad({ previousInvoices: 'x' })._unsafeUnwrapErr()).toMatchObject({
      type: 'INVALID_INPUT',
      field: 'options.previousInvoices',
    });
    expect(bad({ previousInvoices: [{ ...april, contractId: 'other' }] })._unsafeUnwrapErr()).toMatchObject({
      type: 'INVALID_INPUT',
      field: 'options.previousInvoices[0].contractId',
    });
    const brokenLine = { ...april.lines[1], installment: { planId: 'router', index: 0 } };
    expect(
      bad({ previousInvoices: [{ ...april, lines: [april.lines[0], brokenLine] }] })._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'INVALID_INPUT',
      field: 'options.previousInvoices[0].lines[1].installment.index',
    });
    expect(bad({ installmentsBilled: { router: -1 } })._unsafeUnwrapErr()).toMatchObject({
      type: 'INVALID_INPUT',
      field: 'options.installmentsBilled.router',
    });
    expect(bad({ installmentsBilled: JSON.parse('{"__proto__": 1}') })._unsafeUnwrapErr()).toMatchObject({
      type: 'INVALID_INPUT',
    });
  });
});
