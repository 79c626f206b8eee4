/**
 * What the customers do, day by day (everything else comes from the nightly job). Dates are chosen so the
 * calendar matters: invoices close on 1 November, due Tuesday 10 November; day 10 of the ladder is Friday
 * 20 November, Consciência Negra (a national holiday), followed by a weekend, so the suspension moves to
 * Monday 23 November; the January invoice is due on Sunday 10 January, so paying on Monday 11 still counts
 * as on time.
 */
export type ScenarioEvent =
  | {
      readonly date: string;
      readonly kind: 'payment';
      readonly contractId: string;
      readonly reference: string;
    }
  | { readonly date: string; readonly kind: 'promise'; readonly contractId: string; readonly until: string }
  | { readonly date: string; readonly kind: 'reactivation'; readonly contractId: string };

/** The day the customers sign up (the first day of the demo). */
export const START_DATE = '2026-10-19';
/** The last day the nightly job runs. */
export const END_DATE = '2027-01-12';

export const SCENARIO: readonly ScenarioEvent[] = [
  // November invoices (prorated first month + the router's installment 1/3).
  { date: '2026-11-09', kind: 'payment', contractId: 'ct-ana', reference: 'pix-e2e-1109-ana' },
  { date: '2026-11-16', kind: 'promise', contractId: 'ct-diego', until: '2026-11-23' },
  { date: '2026-11-17', kind: 'payment', contractId: 'ct-bruno', reference: 'boleto-1117-bruno' },
  { date: '2026-11-19', kind: 'payment', contractId: 'ct-diego', reference: 'pix-e2e-1119-diego' },
  // December invoices (installment 2/3); Carla is cancelled and gets none.
  { date: '2026-12-04', kind: 'payment', contractId: 'ct-diego', reference: 'pix-e2e-1204-diego' },
  { date: '2026-12-09', kind: 'payment', contractId: 'ct-ana', reference: 'pix-e2e-1209-ana' },
  { date: '2026-12-10', kind: 'payment', contractId: 'ct-bruno', reference: 'boleto-1210-bruno' },
  { date: '2026-12-14', kind: 'reactivation', contractId: 'ct-carla' },
  // January invoices (installment 3/3; Carla's 2/3, her December was not invoiced); due Sunday 10 January
  // → effective due date Monday 11.
  { date: '2027-01-08', kind: 'payment', contractId: 'ct-ana', reference: 'pix-e2e-0108-ana' },
  { date: '2027-01-11', kind: 'payment', contractId: 'ct-bruno', reference: 'boleto-0111-bruno' },
  { date: '2027-01-11', kind: 'payment', contractId: 'ct-carla', reference: 'pix-e2e-0111-carla' },
  { date: '2027-01-11', kind: 'payment', contractId: 'ct-diego', reference: 'pix-e2e-0111-diego' },
];
