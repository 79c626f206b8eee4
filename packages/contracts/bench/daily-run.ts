/**
 * Daily-run throughput: plans tonight's run over N contracts (default 1,000,000) and prints contracts/s.
 * Run: pnpm --filter @isp/contracts bench [N] [repeat] — each run kind is planned `repeat` times (default 3) and the
 * best time is printed, with its CPU time (steadier than wall time on a shared machine).
 * Fixture: 80 % with nothing overdue, 15 % 1–30 days late, 5 % 31–90 days late; closing days spread over 1–28.
 */
import type { Invoice } from '@isp/billing';
import { createContract, createPlanCatalog, planRun, type RunPlan, WEBMIKROTIK_LADDER } from '../src/index';
import { createFixedHolidayCalendar } from '../src/testing/index';

const n = Number(process.argv[2] ?? 1_000_000);
const date = '2026-06-22';
const plans = createPlanCatalog([
  {
    id: 'p10',
    name: '10M',
    rate: { uploadBps: 5e6, downloadBps: 1e7 },
    throttledRate: { uploadBps: 5e5, downloadBps: 1e6 },
    price: '99.90',
  },
])._unsafeUnwrap();
const calendar = createFixedHolidayCalendar(['2026-06-04', '2026-09-07']);
const address = {
  street: 'Rua A',
  number: '1',
  city: 'Campinas',
  state: 'SP',
  postalCode: '13010-000',
  country: 'BR',
};

function template(closingDay: number) {
  return createContract(
    {
      id: 'tpl',
      customerId: 'cust',
      layoutId: 'l',
      installationAddress: address,
      startDate: '2025-01-01',
      items: [
        {
          id: 'i',
          kind: 'internet',
          description: 'Internet',
          planId: 'p10',
          amount: '99.90',
          account: { id: 'acc', routerId: 'r1', method: 'simple-queue', ipv4: '10.0.0.2' },
        },
      ],
      invoiceSettings: { closingDay, dueDay: ((closingDay + 9) % 28) + 1, ladder: WEBMIKROTIK_LADDER },
    },
    plans,
  )._unsafeUnwrap();
}
const templates = Array.from({ length: 28 }, (_, i) => template(i + 1));

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const dayBefore = (days: number) => new Date(Date.UTC(2026, 5, 22 - days)).toISOString().slice(0, 10);

const contracts = new Array(n);
const invoices = new Map<string, Invoice[]>();
for (let i = 0; i < n; i++) {
  const id = `c${i}`;
  const t = templates[i % 28]!;
  contracts[i] = {
    ...t,
    id,
    items: [{ ...t.items[0]!, account: { ...(t.items[0] as { account: object }).account, id: `a${i}` } }],
  };
  const r = rand();
  const late = r < 0.8 ? 0 : r < 0.95 ? 1 + Math.floor(rand() * 30) : 31 + Math.floor(rand() * 60);
  const inv = {
    id: `inv-${i}`,
    key: `invoice:${id}:x`,
    contractId: id,
    currency: 'BRL',
    rounding: 'half-up',
    issueDate: dayBefore(late + 10),
    dueDate: dayBefore(late === 0 ? -5 : late),
    period: { start: '2026-05-01', end: '2026-06-01' },
    lines: [
      {
        id: 'l',
        kind: 'service',
        effect: 'charge',
        description: 'Internet',
        amount: '99.90',
        penalty: false,
      },
    ],
    payments: [],
    status: 'open',
    terms: {},
  } as Invoice;
  invoices.set(id, [inv]);
}
const empty: Invoice[] = [];
const invoicesOf = (id: string) => invoices.get(id) ?? empty;

const repeat = Math.max(1, Number(process.argv[3] ?? 3));

/** Plans the run `repeat` times (planning is pure: same input, same plan) and prints the best time. */
function measure(label: string, day: string, list: readonly (typeof contracts)[number][]) {
  let best = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  let plan: RunPlan | undefined;
  for (let r = 0; r < repeat; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    plan = planRun({ date: day, contracts: list, invoicesOf, plans, calendar })._unsafeUnwrap();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    best = Math.min(best, seconds);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
  }
  const p = plan!;
  console.log(
    `${label} ${day}: ${list.length} contracts, best of ${repeat}: ${best.toFixed(2)} s = ${Math.round(list.length / best).toLocaleString('en')} contracts/s (CPU ${bestCpu.toFixed(2)} s); ` +
      `items ${p.items.length}, invoices ${p.invoicesToIssue.length}, notices ${p.notices.length}, ` +
      `throttles ${p.throttles.length}, suspensions ${p.suspensions.length}, cancellations ${p.cancellations.length}, ` +
      `restorations ${p.restorations.length}, failures ${p.failures.length}`,
  );
  return p;
}

// 1. Catch-up: the first run over a book that was never evaluated (every overdue contract transitions).
const first = measure('catch-up ', date, contracts);
// Apply its transitions and issued invoices (what a caller persists), as if every write succeeded.
const next = new Map(
  first.items.map((i) => [
    i.contract.id,
    {
      ...i.next,
      notices: [...i.next.notices, ...i.evaluation.noticesDue.map((invoiceId) => ({ invoiceId, date }))],
    },
  ]),
);
for (const inv of first.invoicesToIssue)
  invoices.set(inv.contractId, [...(invoices.get(inv.contractId) ?? []), inv]);
const steady = contracts.map((c) => next.get(c.id) ?? c);
// 2. The same day again (idempotent: nothing to do), then the next days (steady state).
measure('re-run   ', date, steady);
measure('next day ', '2026-06-23', steady);
measure('next day ', '2026-06-23', steady);
