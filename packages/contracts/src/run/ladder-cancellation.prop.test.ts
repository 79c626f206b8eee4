import { fc, test } from '@fast-check/vitest';
import type { Invoice } from '@isp/billing';
import { describe, expect } from 'vitest';
import { billingInvoice, brHolidays2026, numberedContract, plans } from '../../test/fixtures';
import type { Contract } from '../contract/types';
import { planRun } from './plan-run';

const ipOf = (c: Contract): string | undefined => {
  const item = c.items[0];
  return item?.kind === 'internet' ? item.account.ipv4 : undefined;
};

/** Contracts on 10.a.x.y: different a with the same x.y all remap to 127.0.x.y (then 100.64.x.y). */
const books = fc.uniqueArray(
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
  { minLength: 1, maxLength: 20, selector: ([a, x, y]) => `${a}.${x}.${y}` },
);

describe('release-ip cancellations in one run', () => {
  test.prop([books, fc.uniqueArray(fc.constantFrom('127.0.1.1', '127.0.2.2', '100.64.1.1', '100.64.3.3'))])(
    'every contract due for cancellation is cancelled with a release IP nobody holds, or fails with ManualIpRequired (and is suspended); never a duplicate',
    (book, preTaken) => {
      const contracts = book.map(([a, x, y], i) => {
        const c = numberedContract(i + 1);
        return {
          ...c,
          items: c.items.map((item) =>
            item.kind === 'internet'
              ? { ...item, account: { ...item.account, ipv4: `10.${a}.${x}.${y}` } }
              : item,
          ),
        } as Contract;
      });
      const held = new Set([...contracts.map((c) => ipOf(c)!), ...preTaken]);
      const invoices = new Map<string, Invoice[]>(
        contracts.map((c) => [
          c.id,
          [
            {
              ...billingInvoice(`inv-${c.id}`, '2026-06', [{ description: 'x', amount: '10.00' }], c.id),
              currency: 'BRL',
            },
          ],
        ]),
      );
      const plan = planRun({
        date: '2026-06-22',
        contracts,
        invoicesOf: (id) => invoices.get(id) ?? [],
        plans,
        calendar: brHolidays2026,
        cancellation: { network: 'release-ip' },
        taken: held,
      })._unsafeUnwrap();
      const released = plan.ipChanges.map((c) => c.to);
      expect(new Set(released).size).toBe(released.length);
      for (const ip of released) expect(held.has(ip)).toBe(false);
      for (const c of contracts) {
        const item = plan.items.find((i) => i.contract.id === c.id)!;
        const failure = plan.failures.find((f) => f.contractId === c.id);
        if (failure === undefined) {
          expect(item.next.status).toBe('cancelled');
          expect(plan.ipChanges.filter((ch) => ch.contractId === c.id).map((ch) => ch.to)).toEqual([
            ipOf(item.next),
          ]);
          expect(item.desired.map((d) => d.state)).toEqual(['absent']);
        } else {
          expect(failure.error.type).toBe('ManualIpRequired');
          expect(item.next.status).toBe('suspended');
          expect(ipOf(item.next)).toBe(ipOf(c));
        }
      }
    },
  );
});
