import type { NonBusinessDay } from '@isp/billing';
import {
  type AccessNetwork,
  type ContractStatus,
  type HolidayCalendar,
  type NoticeKind,
  type Notifier,
  type PlanCatalog,
  renderAccessPlan,
  type SyncReport,
} from '@isp/contracts';
import type { DeviceEvent, SimulatedDevices } from './devices';
import type { Store } from './store';
import type { Timeline } from './timeline';

/** Structured record of what happened, for the closing summary (and the tests). */
export type JournalEvent =
  | { readonly date: string; readonly contractId: string; readonly kind: 'registered' }
  | {
      readonly date: string;
      readonly contractId: string;
      readonly kind: 'invoice-issued';
      readonly invoiceId: string;
      readonly total: string;
    }
  | {
      readonly date: string;
      readonly contractId: string;
      readonly kind: 'notice';
      readonly notice: NoticeKind;
      readonly idempotencyKey: string;
    }
  | {
      readonly date: string;
      readonly contractId: string;
      readonly kind: 'status';
      readonly from: ContractStatus;
      readonly to: ContractStatus;
      readonly ok: boolean;
    }
  | {
      readonly date: string;
      readonly contractId: string;
      readonly kind: 'payment';
      readonly invoiceId: string;
      readonly amount: string;
      readonly daysLate: number;
      readonly fine?: string;
      readonly interest?: string;
      readonly discount?: string;
    }
  | { readonly date: string; readonly contractId: string; readonly kind: 'promise'; readonly until: string }
  | {
      readonly date: string;
      readonly contractId: string;
      readonly kind: 'ip-changed';
      readonly from: string;
      readonly to: string;
      readonly rule: string;
    }
  | {
      readonly date: string;
      readonly contractId: string;
      readonly kind: 'reactivated';
      readonly mergedInvoiceIds: readonly string[];
      readonly into: string;
    }
  | ({ readonly date: string; readonly kind: 'device' } & DeviceEvent);

/** Everything the jobs and actions work with. Built once in `runDemo`. */
export interface App {
  readonly store: Store;
  readonly plans: PlanCatalog;
  readonly calendar: HolidayCalendar;
  /** Weekends and holidays: what moves due dates and late-day counts in billing. */
  readonly isNonBusinessDay: NonBusinessDay;
  /** The network port (RouterOS adapter, watched so the demo can print what it applied). */
  readonly network: AccessNetwork;
  readonly routerId: string;
  readonly notifier: Notifier;
  readonly timeline: Timeline;
  readonly devices?: SimulatedDevices;
  readonly journal: JournalEvent[];
  /** Writes that reached the router and were not printed yet. */
  readonly applied: SyncReport[];
}

/** Prints (and clears) the router writes made since the last call, as the adapter planned them. */
export function printRouterChanges(app: App, indent = '  '): void {
  const reports = app.applied.splice(0);
  for (const report of reports) {
    if (report.plan.changes.length === 0) continue;
    app.timeline.print(`${indent}Router ${report.routerId} — applied:`);
    for (const line of renderAccessPlan(report.plan).split('\n').slice(1)) {
      app.timeline.print(`${indent}${line}`);
    }
    for (const o of report.outcomes) {
      if (o.outcome === 'failed') {
        app.timeline.print(
          `${indent}  ✗ ${o.subscriberId}: ${o.error?.type ?? 'failed'} — ${o.error?.message ?? ''}`,
        );
      }
    }
    for (const e of report.infrastructureErrors) app.timeline.print(`${indent}  ✗ ${e.type}: ${e.message}`);
  }
}

/** Lets the simulated devices react to the router (drops and new logins) and prints what they did. */
export function settleDevices(app: App, date: string, indent = '  '): void {
  if (app.devices === undefined) return;
  const events = app.devices.settle(app.store.contracts());
  for (const e of events) {
    app.journal.push({ date, kind: 'device', ...e });
    const what =
      e.event === 'dropped'
        ? `session dropped by the router (${e.detail})`
        : e.event === 'connected'
          ? `logged in: ${e.detail}`
          : `login refused by the router: ${e.detail}`;
    app.timeline.print(`${indent}Device ${e.username}: ${what}`);
  }
}
