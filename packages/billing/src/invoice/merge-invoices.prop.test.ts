import { fc, test } from '@fast-check/vitest';
import Decimal from 'decimal.js';
import { expect } from 'vitest';
import { currencyArb, invoiceArb } from '../testing/arbitraries';
import { invoiceSummary } from './invoice-summary';
import { mergeInvoices } from './merge-invoices';
import type { Invoice } from './types';

const sameContract = currencyArb().chain((currency) =>
  fc
    .array(invoiceArb({ currency }), { minLength: 2, maxLength: 5 })
    .map((list) =>
      list.map((inv, i): Invoice => ({ ...inv, id: `inv-${i}`, key: `inv-${i}`, contractId: 'c-1' })),
    ),
);

const balance = (list: readonly Invoice[]): Decimal =>
  list.reduce((s, inv) => s.plus(invoiceSummary(inv)._unsafeUnwrap().balance), new Decimal(0));

test.prop([sameContract])('merging preserves the total balance and moves every line', (invoices) => {
  const r = mergeInvoices(invoices, '2031-01-01')._unsafeUnwrap();
  expect(balance(r.invoices).equals(balance(invoices))).toBe(true);
  expect(new Decimal(r.balance).equals(balance(invoices))).toBe(true);
  const linesBefore = invoices.reduce((n, inv) => n + inv.lines.length, 0);
  const paidSources = r.sources.filter((s) => s.payments.length > 0).length;
  expect(r.target.lines.length).toBe(linesBefore + paidSources);
  for (const s of r.sources) {
    expect(s.status).toBe('transferred');
    expect(s.lines).toHaveLength(0);
  }
});
