import { createContract } from '../src/contract/create-contract';
import type { Contract } from '../src/contract/types';
import type { LadderInvoice } from '../src/ladder/invoice-view';
import { type OverdueLadder, WEBMIKROTIK_LADDER } from '../src/ladder/types';
import { createPlanCatalog, type PlanCatalog } from '../src/plans/plan';
import { createFixedHolidayCalendar } from '../src/testing/fixed-holiday-calendar';

export const plans: PlanCatalog = createPlanCatalog([
  {
    id: 'p10',
    name: 'Fibra 10M',
    rate: { uploadBps: 5_000_000, downloadBps: 10_000_000 },
    throttledRate: { uploadBps: 512_000, downloadBps: 1_000_000 },
    price: '99.90',
  },
  {
    id: 'p50',
    name: 'Fibra 50M',
    rate: { uploadBps: 25_000_000, downloadBps: 50_000_000 },
    throttledRate: { uploadBps: 1_000_000, downloadBps: 2_000_000 },
    price: '149.90',
  },
])._unsafeUnwrap();

/** BR national holidays of 2026 used by the ladder tests (a fixed in-test set, not the holidays package). */
export const brHolidays2026 = createFixedHolidayCalendar({
  '2026-01-01': 'Confraternização Universal',
  '2026-02-16': 'Carnaval',
  '2026-02-17': 'Carnaval',
  '2026-04-03': 'Sexta-feira Santa',
  '2026-04-21': 'Tiradentes',
  '2026-05-01': 'Dia do Trabalho',
  '2026-06-04': 'Corpus Christi',
  '2026-09-07': 'Independência',
  '2026-10-12': 'Nossa Senhora Aparecida',
  '2026-11-02': 'Finados',
  '2026-11-15': 'Proclamação da República',
  '2026-11-20': 'Consciência Negra',
  '2026-12-25': 'Natal',
});

export const address = {
  street: 'Rua das Flores',
  number: '100',
  city: 'Campinas',
  state: 'SP',
  postalCode: '13010-000',
  country: 'BR',
};

export function contractInput(
  overrides: Record<string, unknown> = {},
  ladder: OverdueLadder = WEBMIKROTIK_LADDER,
) {
  return {
    id: 'c1',
    customerId: 'cust-1',
    layoutId: 'layout-default',
    installationAddress: address,
    startDate: '2026-01-05',
    items: [
      {
        id: 'i1',
        kind: 'internet',
        description: 'Internet 10M',
        planId: 'p10',
        amount: '99.90',
        account: {
          id: 'acc-1',
          routerId: 'r1',
          method: 'pppoe',
          username: 'alice',
          password: 'S3cret-pw',
          ipv4: '10.0.1.10',
        },
      },
    ],
    installments: [{ id: 'router', description: 'Router', total: '60.00', count: 3, startMonth: '2026-02' }],
    invoiceSettings: { closingDay: 1, dueDay: 10, ladder },
    equipment: [{ id: 'onu-1', description: 'ONU', serial: 'ZTE123', loanedOn: '2026-01-05' }],
    ...overrides,
  };
}

export function makeContract(
  overrides: Record<string, unknown> = {},
  ladder: OverdueLadder = WEBMIKROTIK_LADDER,
): Contract {
  return createContract(contractInput(overrides, ladder), plans)._unsafeUnwrap();
}

export const invoice = (
  id: string,
  dueDate: string,
  status: LadderInvoice['status'] = 'open',
  contractId = 'c1',
): LadderInvoice => ({ id, contractId, dueDate, status });

import type { Invoice } from '@isp/billing';

/** A billing invoice with one service line (and an optional penalty line), MXN like the WispHub vectors. */
export function billingInvoice(
  id: string,
  month: string,
  lines: readonly { description: string; amount: string; penalty?: boolean }[],
  contractId = 'c1',
  status: Invoice['status'] = 'open',
): Invoice {
  return {
    id,
    key: `invoice:${contractId}:${month}-01`,
    contractId,
    currency: 'MXN',
    rounding: 'half-up',
    issueDate: `${month}-01`,
    dueDate: `${month}-10`,
    period: { start: `${month}-01`, end: `${month}-28` },
    lines: lines.map((l, i) => ({
      id: `${id}-l${i}`,
      kind: l.penalty === true ? 'fee' : 'service',
      effect: 'charge',
      description: l.description,
      amount: l.amount,
      penalty: l.penalty === true,
    })),
    payments: [],
    status,
    terms: {},
  };
}

/** Contract number `n` with its own account `acc-n` (PPPoE, 10.0.1.n). */
export function numberedContract(
  n: number,
  overrides: Record<string, unknown> = {},
  ladder: OverdueLadder = WEBMIKROTIK_LADDER,
) {
  const base = contractInput({}, ladder);
  return makeContract(
    {
      id: `c${n}`,
      items: [
        {
          ...base.items[0],
          id: `i${n}`,
          account: {
            id: `acc-${n}`,
            routerId: 'r1',
            method: 'pppoe',
            username: `user${n}`,
            password: `pw-${n}-secret`,
            ipv4: `10.0.1.${n}`,
          },
        },
      ],
      ...overrides,
    },
    ladder,
  );
}
