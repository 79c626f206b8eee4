import { readFileSync } from 'node:fs';
import { invoiceSummary } from '@isp/billing';
import { describe, expect, it } from 'vitest';
import { firstInvoice } from './first-contract';

describe('the first contract of docs/getting-started.md', () => {
  it('gives a prorated first invoice with the router installment 1/3', () => {
    const generated = firstInvoice()._unsafeUnwrap();
    if (generated.kind !== 'invoice') throw new Error(`expected an invoice, got ${generated.reason}`);
    const invoice = generated.invoice;
    expect(invoice).toMatchObject({ issueDate: '2026-11-01', dueDate: '2026-11-10', status: 'open' });
    expect(invoice.lines.map((l) => [l.kind, l.amount, l.installment?.label])).toEqual([
      ['proration', '41.89', undefined], // 99.90 × 13 ÷ 31 days (19 Oct – 1 Nov)
      ['service', '99.90', undefined],
      ['installment', '20.00', '1/3'],
    ]);
    expect(invoiceSummary(invoice)._unsafeUnwrap().total).toBe('161.79');
  });

  it('is the very code the guide shows', () => {
    const guide = readFileSync(new URL('../../../docs/getting-started.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL('./first-contract.ts', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('// biome-ignore'))
      .join('\n')
      .trim();
    expect(guide).toContain(source);
  });
});
