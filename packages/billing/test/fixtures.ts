import type { Invoice, InvoiceLine, InvoiceTerms, LocalDate } from '../src/index';

const WEEKEND = new Set([0, 6]);

/** A small hard-coded list of Brazilian national holidays (public + bank) used by the vectors. */
export const BR_HOLIDAYS: ReadonlySet<string> = new Set([
  '2017-04-14',
  '2017-04-21',
  '2017-05-01',
  '2017-06-15',
  '2025-04-18',
  '2025-04-21',
  '2025-05-01',
  '2025-06-19',
  '2026-04-03',
  '2026-04-21',
  '2026-05-01',
  '2026-06-04',
  '2026-09-07',
  '2026-10-12',
  '2026-11-02',
  '2026-11-20',
  '2026-12-25',
]);

/** Weekday of a 'YYYY-MM-DD' computed from UTC fields (time-zone independent). */
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export const isNonBusinessDayBR = (date: LocalDate): boolean =>
  WEEKEND.has(weekday(date)) || BR_HOLIDAYS.has(date);

export const BR_TERMS: InvoiceTerms = {
  fine: { kind: 'percent', percent: '2' },
  interest: { monthlyPercent: '1' },
};

export function serviceLine(id: string, amount: string, extra: Partial<InvoiceLine> = {}): InvoiceLine {
  return {
    id,
    kind: 'service',
    effect: 'charge',
    description: `Service ${id}`,
    amount,
    penalty: false,
    ...extra,
  };
}

export function makeInvoice(overrides: Partial<Invoice> & { principal?: string } = {}): Invoice {
  const { principal = '100.00', ...rest } = overrides;
  return {
    id: 'inv-1',
    key: 'invoice:c-1:2026-05-10',
    contractId: 'c-1',
    currency: 'BRL',
    rounding: 'half-up',
    issueDate: '2026-06-01',
    dueDate: '2026-06-10',
    period: { start: '2026-05-10', end: '2026-06-10' },
    lines: [serviceLine('plan', principal)],
    payments: [],
    status: 'open',
    terms: BR_TERMS,
    ...rest,
  };
}
