import { invoiceSummary, sumMoney } from '@isp/billing';
import {
  type AccessMethod,
  type AccessPlanRates,
  createPlanCatalog,
  type DesiredAccess,
  desiredAccessOf,
  type Notice,
  renderAccessPlan,
  validateLadderForJurisdiction,
  WEBMIKROTIK_LADDER,
} from '@isp/contracts';
import { createHolidayCalendar } from '@isp/holidays';
import type { StateSnapshot } from '@isp/routeros-emulator';
import { payAll, promise, provisionAll, reactivate, registerCustomer } from './actions';
import type { App, JournalEvent } from './app';
import { HOLIDAYS, PLANS } from './config';
import { SIGN_UPS } from './customers';
import { runNightlyJob } from './daily-job';
import { datesBetween, isWeekend } from './dates';
import { SimulatedDevices } from './devices';
import { outboxNotifier, watchNetwork } from './ports';
import { openRouter, parseRouterUrl, realRouterFromEnv } from './router';
import { END_DATE, SCENARIO, type ScenarioEvent, START_DATE } from './scenario';
import { MemoryStore } from './store';
import { brl, Timeline } from './timeline';

export interface DemoOptions {
  /** Where lines go (default: stdout). They are also returned. */
  readonly print?: (line: string) => void;
  /** Environment to read `ROUTEROS_URL`, `ROUTEROS_USER`, `ROUTEROS_PASSWORD` from (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface InvoiceRecord {
  readonly id: string;
  readonly contractId: string;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly status: string;
  readonly total: string;
  readonly balance: string;
  readonly lines: readonly {
    readonly kind: string;
    readonly description: string;
    readonly amount: string;
    readonly effect: string;
    readonly installment?: string;
    readonly movedFrom?: string;
    readonly explanation?: string;
  }[];
}

export interface DemoSummary {
  readonly mode: 'emulator' | 'router';
  readonly firstDay: string;
  readonly lastDay: string;
  readonly days: number;
  /** Days on which something happened (the others are folded into quiet lines). */
  readonly busyDays: number;
  readonly contracts: readonly {
    readonly contractId: string;
    readonly customer: string;
    readonly method: AccessMethod;
    readonly status: string;
    readonly ipv4?: string;
  }[];
  readonly invoices: readonly InvoiceRecord[];
  readonly journal: readonly JournalEvent[];
  readonly notices: readonly Notice[];
  readonly router: {
    /** The desired access of every subscriber at the end (credentials left out). */
    readonly desired: readonly Omit<DesiredAccess, 'credentials'>[];
    /** Changes a full reconcile would still make (0: router and billing agree). */
    readonly pendingChanges: number;
    /** The emulator's final tables, passwords redacted (emulator mode only). */
    readonly snapshot?: StateSnapshot;
  };
  /** Whether running the last day's job a second time found nothing to do. */
  readonly rerunWasNoop: boolean;
  readonly elapsedMs: number;
}

export interface DemoResult {
  readonly lines: readonly string[];
  readonly summary: DemoSummary;
}

/**
 * The whole demo: opens the router (the in-process emulator unless `ROUTEROS_URL` is set), prepares its
 * infrastructure, registers four customers (one per method), runs the nightly job day by day from
 * `START_DATE` to `END_DATE` with the customers' payments, promise and return in between, and ends with the
 * router's final state and a summary.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const started = performance.now();
  const calendar = createHolidayCalendar(HOLIDAYS);
  if (calendar.isErr()) throw new Error(`holidays: ${calendar.error.message}`);
  const timeline = new Timeline(options.print ?? ((line) => console.log(line)), calendar.value);
  const plans = createPlanCatalog(PLANS);
  if (plans.isErr()) throw new Error(`plans: ${plans.error.message}`);

  const real = realRouterFromEnv(options.env ?? process.env);
  if (real instanceof Error) throw real;
  const settings = real === undefined ? undefined : parseRouterUrl(real, true);
  if (settings instanceof Error) throw settings;
  const router = await openRouter(settings);
  try {
    const store = new MemoryStore();
    const journal: JournalEvent[] = [];
    const applied: App['applied'] = [];
    const app: App = {
      store,
      plans: plans.value,
      calendar: calendar.value,
      isNonBusinessDay: (date) => isWeekend(date) || calendar.value.isHoliday(date),
      network: watchNetwork(router.network, (report) => applied.push(report)),
      routerId: router.routerId,
      notifier: outboxNotifier(store, (notice, fresh) => {
        if (!fresh) return;
        journal.push({
          date: notice.date,
          contractId: notice.contractId,
          kind: 'notice',
          notice: notice.kind,
          idempotencyKey: notice.idempotencyKey,
        });
        timeline.print(
          `  Notice to ${store.customer(notice.customerId)?.name ?? notice.customerId}: ${notice.kind} [${notice.idempotencyKey}]`,
        );
      }),
      timeline,
      ...(router.emulator === undefined ? {} : { devices: new SimulatedDevices(router.emulator) }),
      journal,
      applied,
    };

    timeline.title('@isp quickstart — a WISP back office, day by day');
    timeline.print(`Router: ${router.description} (known as ${router.routerId})`);
    timeline.print(
      `Calendar: ${HOLIDAYS.country}-${HOLIDAYS.state} holidays from @isp/holidays; days ${START_DATE} … ${END_DATE}`,
    );
    const anatel = validateLadderForJurisdiction(WEBMIKROTIK_LADDER, 'br-consumer');
    if (anatel.isErr() && anatel.error.type === 'LadderViolatesJurisdiction') {
      const codes = anatel.error.findings.filter((f) => f.severity === 'error').map((f) => f.code);
      timeline.print(
        `Ladder: the document's 1/3/10/10 (notice, reduced speed, suspension except weekends and holidays, cancellation).`,
      );
      timeline.print(
        `        Note: Anatel's consumer rules refuse it (${codes.join(', ')}); use BR_CONSUMER_LADDER for consumers.`,
      );
    }

    const perDay = new Map<string, ScenarioEvent[]>();
    for (const e of SCENARIO) perDay.set(e.date, [...(perDay.get(e.date) ?? []), e]);

    let days = 0;
    let busyDays = 0;
    for (const date of datesBetween(START_DATE, END_DATE)) {
      days++;
      let headed = false;
      const header = (): void => {
        if (headed) return;
        headed = true;
        busyDays++;
        timeline.day(date);
      };
      if (date === START_DATE) {
        header();
        timeline.print('  Sign-ups (WebMikrotik: Clientes > Cadastros > Adicionar, then the contract):');
        for (const signUp of SIGN_UPS) registerCustomer(app, date, signUp);
        await prepareInfrastructure(app, router.network);
        await provisionAll(app, date);
      }
      for (const event of perDay.get(date) ?? []) {
        header();
        await perform(app, event);
      }
      await runNightlyJob(app, date, header);
      if (!headed) timeline.quiet(date);
    }
    timeline.flush();

    let rerunWasNoop = true;
    await runNightlyJob(app, END_DATE, () => {
      rerunWasNoop = false;
    });
    timeline.print();
    timeline.print(
      `Re-running the ${END_DATE} job: ${rerunWasNoop ? 'nothing to do (the job is level-based and idempotent)' : 'it did something again!'}`,
    );

    const finalState = await printFinalState(app, router);
    const summary = buildSummary(app, {
      mode: router.emulator === undefined ? 'router' : 'emulator',
      days,
      busyDays,
      rerunWasNoop,
      ...finalState,
      elapsedMs: Math.round(performance.now() - started),
    });
    printSummary(app, summary);
    return { lines: timeline.lines, summary };
  } finally {
    await router.close();
  }
}

async function perform(app: App, event: ScenarioEvent): Promise<void> {
  switch (event.kind) {
    case 'payment':
      payAll(app, event.date, event.contractId, event.reference);
      return;
    case 'promise':
      await promise(app, event.date, event.contractId, event.until);
      return;
    case 'reactivation':
      await reactivate(app, event.date, event.contractId);
      return;
  }
}

/**
 * Profiles, PCQ types, mangle and queue tree, suspension firewall: once per router, for the plans and methods
 * the contracts use (the same set a full `reconcile` keeps).
 */
async function prepareInfrastructure(
  app: App,
  adapter: Awaited<ReturnType<typeof openRouter>>['network'],
): Promise<void> {
  const usage = new Map<string, { plan: AccessPlanRates; methods: Set<AccessMethod> }>();
  for (const contract of app.store.contracts()) {
    for (const d of desiredAccessOf(contract, app.plans).unwrapOr([])) {
      const u = usage.get(d.plan.planId) ?? { plan: d.plan, methods: new Set<AccessMethod>() };
      u.methods.add(d.method);
      usage.set(d.plan.planId, u);
    }
  }
  const usages = [...usage.values()].map((u) => ({ plan: u.plan, methods: [...u.methods] }));
  const r = await adapter.ensureInfrastructure(app.routerId, usages);
  if (r.isErr()) throw new Error(`router infrastructure: ${r.error.type}: ${r.error.message}`);
  app.applied.splice(0);
  const changes = r.value.plan.changes;
  app.timeline.print(
    `  Router ${app.routerId} — infrastructure for ${usages.map((u) => `${u.plan.planId} (${u.methods.join(', ')})`).join('; ')}: ${changes.length} entries`,
  );
  const byTarget = new Map<string, string[]>();
  for (const c of changes) byTarget.set(c.target, [...(byTarget.get(c.target) ?? []), c.key]);
  for (const [target, keys] of byTarget) app.timeline.print(`    + ${target}: ${keys.join(', ')}`);
}

const OWNED_MENUS = ['/queue/simple', '/ip/firewall/address-list', '/ppp/secret', '/ip/hotspot/user'];
const SESSION_MENUS = ['/ppp/active', '/ip/hotspot/active'];

async function printFinalState(
  app: App,
  router: Awaited<ReturnType<typeof openRouter>>,
): Promise<{
  desired: readonly Omit<DesiredAccess, 'credentials'>[];
  pendingChanges: number;
  snapshot?: StateSnapshot;
}> {
  const { timeline } = app;
  const desired = app.store
    .contracts()
    .flatMap((c) => desiredAccessOf(c, app.plans).unwrapOr([]))
    .filter((d) => d.routerId === app.routerId);
  timeline.title('Router final state');
  const check = await router.network.reconcile(app.routerId, desired, { dryRun: true });
  if (check.isErr()) throw new Error(`final check: ${check.error.type}: ${check.error.message}`);
  const pendingChanges = check.value.plan.changes.length;
  timeline.print(
    `  Reconcile dry run against the final desired state: ${pendingChanges === 0 ? 'nothing to change — router and billing agree' : `${pendingChanges} change(s) pending!`}`,
  );
  for (const line of renderAccessPlan(check.value.plan).split('\n').slice(1)) timeline.print(`  ${line}`);
  const stripped = desired.map(({ credentials: _, ...rest }) => rest);
  if (router.emulator === undefined) return { desired: stripped, pendingChanges };

  const snapshot = router.emulator.snapshot({ redactSecrets: true });
  timeline.print('  Subscriber entries on the router (ours carry the isp: marker; passwords redacted):');
  for (const menu of [...OWNED_MENUS, ...SESSION_MENUS]) {
    const rows = snapshot.menus[menu]?.rows ?? [];
    timeline.print(`    ${menu} (${rows.length})`);
    for (const row of rows) timeline.print(`      ${describeRow(menu, row)}`);
  }
  return { desired: stripped, pendingChanges, snapshot };
}

function describeRow(menu: string, row: Readonly<Record<string, string>>): string {
  const pick = (...keys: string[]) =>
    keys
      .filter((k) => row[k] !== undefined && row[k] !== '')
      .map((k) => `${k}=${row[k]}`)
      .join(' ');
  switch (menu) {
    case '/queue/simple':
      return pick('name', 'target', 'max-limit', 'disabled', 'dynamic', 'comment');
    case '/ip/firewall/address-list':
      return pick('list', 'address', 'dynamic', 'comment');
    case '/ppp/secret':
      return pick('name', 'service', 'profile', 'remote-address', 'disabled', 'comment');
    case '/ip/hotspot/user':
      return pick('name', 'profile', 'address', 'mac-address', 'disabled', 'comment');
    case '/ppp/active':
      return pick('name', 'address', 'profile', 'rate-limit');
    default:
      return pick('user', 'address', 'mac-address', 'profile', 'rate-limit');
  }
}

function buildSummary(
  app: App,
  rest: Omit<
    DemoSummary,
    'firstDay' | 'lastDay' | 'contracts' | 'invoices' | 'journal' | 'notices' | 'router'
  > & {
    desired: DemoSummary['router']['desired'];
    pendingChanges: number;
    snapshot?: StateSnapshot;
  },
): DemoSummary {
  const { store } = app;
  const contracts = store.contracts().map((c) => {
    const item = c.items.find((i) => i.kind === 'internet');
    const account = item?.kind === 'internet' ? item.account : undefined;
    return {
      contractId: c.id,
      customer: store.customer(c.customerId)?.name ?? c.customerId,
      method: account?.method ?? 'simple-queue',
      status: c.status,
      ...(account?.ipv4 === undefined ? {} : { ipv4: account.ipv4 }),
    };
  });
  const invoices = store.contracts().flatMap((c) =>
    store.invoicesOf(c.id).map((i): InvoiceRecord => {
      const s = invoiceSummary(i);
      return {
        id: i.id,
        contractId: i.contractId,
        issueDate: i.issueDate,
        dueDate: i.dueDate,
        status: i.status,
        total: s.isOk() ? s.value.total : '?',
        balance: s.isOk() ? s.value.balance : '?',
        lines: i.lines.map((l) => ({
          kind: l.kind,
          description: l.description,
          amount: l.amount,
          effect: l.effect,
          ...(l.installment === undefined ? {} : { installment: l.installment.label }),
          ...(l.movedFrom === undefined ? {} : { movedFrom: l.movedFrom }),
          ...(l.explanation === undefined ? {} : { explanation: l.explanation.text }),
        })),
      };
    }),
  );
  const { desired, pendingChanges, snapshot, ...head } = rest;
  return {
    ...head,
    firstDay: START_DATE,
    lastDay: END_DATE,
    contracts,
    invoices,
    journal: app.journal,
    notices: store.notices(),
    router: { desired, pendingChanges, ...(snapshot === undefined ? {} : { snapshot }) },
  };
}

function printSummary(app: App, s: DemoSummary): void {
  const { timeline } = app;
  timeline.title('Summary');
  for (const c of s.contracts) {
    const mine = s.invoices.filter((i) => i.contractId === c.contractId);
    const balance = sumMoney(
      mine.map((i) => i.balance),
      'BRL',
    ).unwrapOr('?');
    const statuses = mine.map((i) => i.status);
    timeline.print(
      `  ${c.customer.padEnd(13)} ${c.contractId.padEnd(9)} ${c.method.padEnd(16)} ${c.status.padEnd(9)} ${(c.ipv4 ?? '-').padEnd(11)} invoices ${mine.length} (${[...new Set(statuses)].map((st) => `${statuses.filter((x) => x === st).length} ${st}`).join(', ')}), owes ${brl(balance)}`,
    );
  }
  const byKind = new Map<string, number>();
  for (const n of s.notices) byKind.set(n.kind, (byKind.get(n.kind) ?? 0) + 1);
  timeline.print(`  Notices sent: ${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  timeline.print(
    `  ${s.days} days simulated (${s.busyDays} with something to do), ${s.invoices.length} invoices, router ${s.router.pendingChanges === 0 ? 'in sync' : 'OUT OF SYNC'}; finished in ${(s.elapsedMs / 1000).toFixed(1)} s`,
  );
}
