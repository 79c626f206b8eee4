import { createContract, createPlanCatalog, evaluateLadder, WEBMIKROTIK_LADDER } from '@isp/contracts';
import { describe, expect, it } from 'vitest';
import { createHolidayCalendar } from '../src/create-holiday-calendar';

const plans = createPlanCatalog([
  {
    id: 'p10',
    name: '10M',
    rate: { uploadBps: 5_000_000, downloadBps: 10_000_000 },
    throttledRate: { uploadBps: 512_000, downloadBps: 1_000_000 },
    price: '99.90',
  },
])._unsafeUnwrap();

const contract = createContract(
  {
    id: 'c1',
    customerId: 'cust-1',
    layoutId: 'default',
    installationAddress: {
      street: 'Rua A',
      number: '1',
      city: 'São Paulo',
      state: 'SP',
      postalCode: '01000-000',
      country: 'BR',
    },
    startDate: '2026-01-01',
    items: [
      {
        id: 'i1',
        kind: 'internet',
        description: 'Internet',
        planId: 'p10',
        account: { id: 'acc-1', routerId: 'r1', method: 'simple-queue', ipv4: '10.0.0.2' },
      },
    ],
    invoiceSettings: { closingDay: 1, dueDay: 10, ladder: WEBMIKROTIK_LADDER },
  },
  plans,
)._unsafeUnwrap();

describe('the overdue ladder on the real BR calendar', () => {
  it('V37: due Tue 2026-11-10, day 10 is Consciência Negra (Fri 11-20) → suspension Mon 11-23', () => {
    const calendar = createHolidayCalendar({ country: 'BR', state: 'SP' })._unsafeUnwrap();
    const invoices = [{ id: 'nov', contractId: 'c1', dueDate: '2026-11-10', status: 'open' as const }];
    const at = (date: string) => evaluateLadder(contract, invoices, date, { calendar })._unsafeUnwrap();
    expect(at('2026-11-20').target).toBe('throttled');
    expect(at('2026-11-22').target).toBe('throttled');
    expect(at('2026-11-23')).toMatchObject({
      target: 'cancelled',
      daysOverdue: 13,
      schedule: { suspendOn: '2026-11-23', cancelOn: '2026-11-23' },
    });
  });
});
