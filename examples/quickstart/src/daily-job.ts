import { invoiceSummary } from '@isp/billing';
import { applyRun, type ContractRunPlan, type LadderEvaluation, planRun } from '@isp/contracts';
import { type App, printRouterChanges, settleDevices } from './app';
import { CANCELLATION_POLICY } from './cancellation-policy';
import { addDays, isWeekend } from './dates';
import { takenIps } from './store';
import { brl, formatRate, invoiceLines } from './timeline';

/**
 * Tonight's job for one date — the loop a cron or job queue runs once a day:
 * 1. forecast with `planRun` (invoices to issue, notices, throttles, suspensions, cancellations with our
 *    release-IP policy and the IPs they release, the desired access of every subscriber that changes) and
 *    print it;
 * 2. apply it with `applyRun` through the ports (RouterOS adapter, notifier);
 * 3. store the new contracts and invoices it returns.
 * Level-based: running the same date twice does nothing new. Returns false when there was nothing to do.
 */
export async function runNightlyJob(app: App, date: string, header: () => void): Promise<boolean> {
  const { store, timeline } = app;
  const forecast = planRun({
    date,
    contracts: store.contracts(),
    invoicesOf: (id) => store.invoicesOf(id),
    plans: app.plans,
    calendar: app.calendar,
    cancellation: CANCELLATION_POLICY,
    taken: takenIps(store),
  });
  if (forecast.isErr()) throw new Error(`planRun: ${forecast.error.type}: ${forecast.error.message}`);
  const plan = forecast.value;
  for (const f of plan.failures) {
    header();
    timeline.print(`  ✗ ${f.contractId} could not be planned: ${f.error.type}: ${f.error.message}`);
  }
  if (plan.items.length === 0) return plan.failures.length > 0;

  header();
  timeline.print(`  Tonight's run — forecast (${plan.evaluated} contracts evaluated):`);
  for (const item of plan.items) printForecastItem(app, item);

  timeline.print('  Applied:');
  app.devices?.mark();
  // applyRun never fails as a whole: router and notifier failures are outcomes in the report.
  const report = (await applyRun(plan, { network: app.network, notifier: app.notifier })).match(
    (r) => r,
    (never) => never,
  );
  for (const contract of report.contracts) store.putContract(contract);
  store.putInvoices(report.invoices);

  for (const invoice of report.invoices) {
    if (invoice.status !== 'open') continue;
    const total = invoiceSummary(invoice).map((s) => s.total);
    app.journal.push({
      date,
      contractId: invoice.contractId,
      kind: 'invoice-issued',
      invoiceId: invoice.id,
      total: total.unwrapOr('?'),
    });
    timeline.print(`  ${invoice.contractId}: invoice issued`);
    for (const line of invoiceLines(invoice)) timeline.print(line);
  }
  for (const o of report.outcomes) {
    if (o.kind !== 'transition') continue;
    const item = plan.items.find((i) => i.contract.id === o.contractId);
    for (const step of item?.transition?.steps ?? []) {
      app.journal.push({
        date,
        contractId: o.contractId,
        kind: 'status',
        from: step.from,
        to: step.to,
        ok: o.ok,
      });
    }
    const errors = o.errors.map((e) => `${e.type}: ${e.message}`).join('; ');
    const path = [o.from, ...(item?.transition?.steps.map((s) => s.to) ?? [o.to])].join(' → ');
    timeline.print(
      `  ${o.contractId}: ${path}${o.ok ? '' : ` — FAILED on the router, kept ${o.from}, retried tomorrow (${errors})`}`,
    );
    if (!o.ok) continue;
    for (const change of item?.ipChanges ?? []) {
      app.journal.push({
        date,
        contractId: o.contractId,
        kind: 'ip-changed',
        from: change.from,
        to: change.to,
        rule: change.rule,
      });
      timeline.print(
        `    IP released: ${change.from} → ${change.to} (rule ${change.rule}); the router keeps nothing of it`,
      );
    }
  }
  printRouterChanges(app);
  settleDevices(app, date);
  return true;
}

const VERBS = {
  active: 'restore',
  throttled: 'throttle',
  suspended: 'suspend',
  cancelled: 'cancel',
} as const;

function printForecastItem(app: App, item: ContractRunPlan): void {
  const { timeline } = app;
  const id = item.contract.id.padEnd(10);
  if (item.invoice !== undefined) {
    const total = invoiceSummary(item.invoice).map((s) => s.total);
    timeline.print(`    invoice   ${id} ${brl(total.unwrapOr('?'))}, due ${item.invoice.dueDate}`);
  }
  for (const n of item.notices) {
    if (n.kind === 'overdue-notice')
      timeline.print(`    notice    ${id} overdue notice for ${n.invoiceIds.join(', ')}`);
  }
  if (item.transition !== undefined) {
    const verb = VERBS[item.transition.to];
    const changed = item.next.history.filter((h) => h.event === 'status-changed').at(-1);
    const why = (changed?.reason ?? item.evaluation.reason).replace(
      /^(active|throttled|suspended|cancelled|restored): /,
      '',
    );
    timeline.print(`    ${verb.padEnd(9)} ${id} ${item.transition.from} → ${item.transition.to} (${why})`);
    for (const change of item.ipChanges) {
      timeline.print(`              IP ${change.from} → ${change.to} (release rule ${change.rule})`);
    }
    for (const d of item.desired) {
      const rate = d.state === 'throttled' ? d.plan.throttledRate : d.plan.rate;
      const speed = d.state === 'active' || d.state === 'throttled' ? ` at ${formatRate(rate)}` : '';
      timeline.print(`              router: ${d.subscriberId} (${d.method}) must be ${d.state}${speed}`);
    }
  }
  if (
    item.evaluation.schedule !== undefined &&
    item.transition !== undefined &&
    item.transition.to !== 'active'
  ) {
    timeline.print(`              ladder: ${scheduleText(app, item.evaluation)}`);
  }
}

/** The ladder's dates for the oldest unpaid invoice, with the days a suspension was moved over. */
export function scheduleText(app: App, e: LadderEvaluation): string {
  const s = e.schedule;
  if (s === undefined) return '';
  const parts = [`due ${s.effectiveDueDate}`];
  if (s.noticeOn !== undefined) parts.push(`notice ${s.noticeOn}`);
  if (s.throttleOn !== undefined) parts.push(`throttle ${s.throttleOn}`);
  if (s.suspendOn !== undefined) parts.push(`suspend ${s.suspendOn}`);
  if (s.cancelOn !== undefined) parts.push(`cancel ${s.cancelOn}`);
  let text = parts.join(' · ');
  const ladder = app.store.contract(e.contractId)?.invoiceSettings.ladder;
  if (s.suspendOn !== undefined && ladder?.suspendAfterDays !== undefined) {
    const nominal = addDays(s.effectiveDueDate, ladder.suspendAfterDays);
    const skipped: string[] = [];
    for (let d = nominal; d < s.suspendOn; d = addDays(d, 1)) {
      const holiday = app.calendar.holidayName?.(d);
      skipped.push(
        `${d} ${holiday !== undefined ? `holiday (${holiday})` : isWeekend(d) ? 'weekend' : 'excluded'}`,
      );
    }
    if (skipped.length > 0) text += ` — suspension moved over ${skipped.join(', ')}`;
  }
  return text;
}
