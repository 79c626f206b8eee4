import { err, ok, type Result } from 'neverthrow';
import { type BillingCycle, cycleCore } from '../cycle/billing-cycle';
import { resolveCycleSettings } from '../cycle/settings';
import {
  epochDayOf,
  type LocalDate,
  maxDate,
  monthIndex,
  type Period,
  shiftMonth,
  type YearMonth,
} from '../dates/local-date';
import { type BillingError, installmentBelowMinorUnit, invalidInput } from '../errors';
import {
  INSTALLMENT_STRATEGIES,
  type InstallmentStrategy,
  splitMinor,
} from '../installments/split-installments';
import { type CurrencyCode, minorUnitsOf } from '../money/currency';
import { type Dec, unitOf, ZERO } from '../money/decimal';
import { formatDec } from '../money/money';
import { ROUNDING_MODES, type RoundingMode } from '../money/rounding';
import { PRORATION_CONVENTIONS, type ProrationConvention, prorateCore } from '../proration/prorate';
import { suspensionCreditCore } from '../proration/suspension-credit';
import {
  optional,
  readAmount,
  readArray,
  readBoolean,
  readCurrency,
  readDate,
  readEnum,
  readInteger,
  readObject,
  readPeriod,
  readString,
  readYearMonth,
} from '../validation/read';
import type {
  ContractBilling,
  FirstInvoicePolicy,
  GenerateOptions,
  InvoiceGeneration,
  IssueMode,
} from './contract-billing';
import { installmentsBilledBefore, readInstallmentsBilled } from './installments-billed';
import { installmentKey, invoiceKey } from './keys';
import { resolveTerms } from './terms';
import { type Invoice, type InvoiceLine, LINE_KINDS, type LineEffect } from './types';

const ISSUE_MODES: readonly IssueMode[] = ['automatic', 'manual', 'exempt'];
const FIRST_POLICIES: readonly FirstInvoicePolicy[] = ['prorated', 'full', 'skip'];
const PENALTY_KINDS = new Set(['fine', 'interest', 'fee']);

interface Recurring {
  readonly id: string;
  readonly description: string;
  readonly amount: Dec;
  readonly discount: boolean;
}

interface Plan {
  readonly id: string;
  readonly description: string;
  readonly totalMinor: Dec;
  readonly count: number;
  readonly start: number;
  readonly strategy: InstallmentStrategy;
}

const fail = <T>(r: Result<unknown, BillingError>): Result<T, BillingError> =>
  err((r as { error: BillingError }).error);

/**
 * Generates a contract's invoice for the cycle whose closing date falls in `month` (M5, M6, M8):
 * - recurring lines at full price, or prorated on the first invoice (`firstInvoice`);
 * - when the contract started after the previous cycle was issued, the days from the start to this
 *   period are billed too (a stub line, by the same policy);
 * - a credit for days of total suspension in the period;
 * - the next installment part of each plan, labelled "k/n": part k goes on the k-th invoice issued from the
 *   plan's start month, counted from `options.previousInvoices` (or `options.installmentsBilled`), so months
 *   without an invoice consume no part; without either, on the cycle k − 1 months after the start month;
 * - the one-off `extras`.
 * Exempt contracts get no invoice; manual contracts only with `onDemand`. The invoice id is its idempotency
 * key `(contractId, periodStart)`.
 */
export function generateInvoice(
  contract: ContractBilling,
  month: YearMonth,
  options?: GenerateOptions,
): Result<InvoiceGeneration, BillingError> {
  const o = readObject(contract, 'contract');
  if (o.isErr()) return fail(o);
  const c = o.value;
  const contractId = readString(c.contractId, 'contract.contractId');
  if (contractId.isErr()) return fail(contractId);
  const currency = readCurrency(c.currency, 'contract.currency');
  if (currency.isErr()) return fail(currency);
  const cur: CurrencyCode = currency.value;
  const scale = minorUnitsOf(cur);
  const mode = optional(c.rounding, 'half-up' as RoundingMode, (x) =>
    readEnum(x, 'contract.rounding', ROUNDING_MODES),
  );
  if (mode.isErr()) return fail(mode);
  const issueMode = optional(c.issueMode, 'automatic' as IssueMode, (x) =>
    readEnum(x, 'contract.issueMode', ISSUE_MODES),
  );
  if (issueMode.isErr()) return fail(issueMode);
  const settings = resolveCycleSettings(c.cycle, 'contract.cycle');
  if (settings.isErr()) return fail(settings);
  const startDate = readDate(c.startDate, 'contract.startDate');
  if (startDate.isErr()) return fail(startDate);
  const policy = optional(c.firstInvoice, 'prorated' as FirstInvoicePolicy, (x) =>
    readEnum(x, 'contract.firstInvoice', FIRST_POLICIES),
  );
  if (policy.isErr()) return fail(policy);
  const convention = optional(c.proration, 'actual-days' as ProrationConvention, (x) =>
    readEnum(x, 'contract.proration', PRORATION_CONVENTIONS),
  );
  if (convention.isErr()) return fail(convention);
  const terms = resolveTerms(c.terms, cur, 'contract.terms');
  if (terms.isErr()) return fail(terms);
  const m = readYearMonth(month, 'month');
  if (m.isErr()) return fail(m);
  const opts = optional(options, {} as Record<string, unknown>, (x) => readObject(x, 'options'));
  if (opts.isErr()) return fail(opts);
  const onDemand = optional(opts.value.onDemand, false, (x) => readBoolean(x, 'options.onDemand'));
  if (onDemand.isErr()) return fail(onDemand);
  const issueOverride = optional<LocalDate | undefined>(opts.value.issueDate, undefined, (x) =>
    readDate(x, 'options.issueDate'),
  );
  if (issueOverride.isErr()) return fail(issueOverride);

  // Lines of the contract.
  const recurringRaw = readArray(c.recurring, 'contract.recurring', 100);
  if (recurringRaw.isErr()) return fail(recurringRaw);
  const recurring: Recurring[] = [];
  for (let i = 0; i < recurringRaw.value.length; i++) {
    const f = `contract.recurring[${i}]`;
    const r = readObject(recurringRaw.value[i], f);
    if (r.isErr()) return fail(r);
    const id = readString(r.value.id, `${f}.id`);
    if (id.isErr()) return fail(id);
    const description = readString(r.value.description, `${f}.description`);
    if (description.isErr()) return fail(description);
    const amount = readAmount(r.value.amount, `${f}.amount`, scale);
    if (amount.isErr()) return fail(amount);
    const kind = optional(r.value.kind, 'service' as 'service' | 'discount', (x) =>
      readEnum(x, `${f}.kind`, ['service', 'discount'] as const),
    );
    if (kind.isErr()) return fail(kind);
    recurring.push({
      id: id.value,
      description: description.value,
      amount: amount.value,
      discount: kind.value === 'discount',
    });
  }

  const extras: InvoiceLine[] = [];
  const extrasRaw = optional(c.extras, [] as readonly unknown[], (x) => readArray(x, 'contract.extras', 500));
  if (extrasRaw.isErr()) return fail(extrasRaw);
  for (let i = 0; i < extrasRaw.value.length; i++) {
    const f = `contract.extras[${i}]`;
    const r = readObject(extrasRaw.value[i], f);
    if (r.isErr()) return fail(r);
    const id = readString(r.value.id, `${f}.id`);
    if (id.isErr()) return fail(id);
    const description = readString(r.value.description, `${f}.description`);
    if (description.isErr()) return fail(description);
    const amount = readAmount(r.value.amount, `${f}.amount`, scale);
    if (amount.isErr()) return fail(amount);
    const kind = readEnum(r.value.kind, `${f}.kind`, LINE_KINDS);
    if (kind.isErr()) return fail(kind);
    const effect = optional(
      r.value.effect,
      (kind.value === 'discount' ? 'credit' : 'charge') as LineEffect,
      (x) => readEnum(x, `${f}.effect`, ['charge', 'credit'] as const),
    );
    if (effect.isErr()) return fail(effect);
    const penalty = optional(r.value.penalty, PENALTY_KINDS.has(kind.value), (x) =>
      readBoolean(x, `${f}.penalty`),
    );
    if (penalty.isErr()) return fail(penalty);
    extras.push({
      id: id.value,
      kind: kind.value,
      effect: effect.value,
      description: description.value,
      amount: formatDec(amount.value, cur),
      penalty: penalty.value,
    });
  }

  const plansRaw = optional(c.installmentPlans, [] as readonly unknown[], (x) =>
    readArray(x, 'contract.installmentPlans', 100),
  );
  if (plansRaw.isErr()) return fail(plansRaw);
  const plans: Plan[] = [];
  for (let i = 0; i < plansRaw.value.length; i++) {
    const f = `contract.installmentPlans[${i}]`;
    const r = readObject(plansRaw.value[i], f);
    if (r.isErr()) return fail(r);
    const id = readString(r.value.id, `${f}.id`);
    if (id.isErr()) return fail(id);
    const description = readString(r.value.description, `${f}.description`);
    if (description.isErr()) return fail(description);
    const total = readAmount(r.value.total, `${f}.total`, scale);
    if (total.isErr()) return fail(total);
    const count = readInteger(r.value.count, `${f}.count`, 1, 360);
    if (count.isErr()) return fail(count);
    const startMonth = readYearMonth(r.value.startMonth, `${f}.startMonth`);
    if (startMonth.isErr()) return fail(startMonth);
    const strategy = optional(r.value.strategy, 'spread-first' as InstallmentStrategy, (x) =>
      readEnum(x, `${f}.strategy`, INSTALLMENT_STRATEGIES),
    );
    if (strategy.isErr()) return fail(strategy);
    const totalMinor = total.value.times(unitOf(scale));
    if (totalMinor.divToInt(count.value).lessThan(1)) {
      return err(
        installmentBelowMinorUnit(
          `${f}.total`,
          `${total.value.toString()} in ${count.value} parts gives a part below one minor unit`,
        ),
      );
    }
    plans.push({
      id: id.value,
      description: description.value,
      totalMinor,
      count: count.value,
      start: monthIndex(Number(startMonth.value.slice(0, 4)), Number(startMonth.value.slice(5, 7))),
      strategy: strategy.value,
    });
  }

  const suspRaw = optional(c.suspensions, [] as readonly unknown[], (x) =>
    readArray(x, 'contract.suspensions', 500),
  );
  if (suspRaw.isErr()) return fail(suspRaw);
  const suspensions: Period[] = [];
  for (let i = 0; i < suspRaw.value.length; i++) {
    const s = readPeriod(suspRaw.value[i], `contract.suspensions[${i}]`);
    if (s.isErr()) return fail(s);
    suspensions.push(s.value);
  }
  const mergedSuspensions = mergePeriods(suspensions);

  // The cycle.
  const year = Number(m.value.slice(0, 4));
  const mon = Number(m.value.slice(5, 7));
  const cycle: BillingCycle = cycleCore(settings.value, year, mon, issueOverride.value);
  const key = invoiceKey(contractId.value, cycle.period.start);
  // Installment progress: parts billed before this period, per plan (undefined: by the calendar).
  let billedParts: Map<string, number> | undefined;
  if (opts.value.previousInvoices !== undefined) {
    const b = installmentsBilledBefore(opts.value.previousInvoices, contractId.value, cycle.period.start);
    if (b.isErr()) return fail(b);
    billedParts = b.value;
  }
  let explicitParts: Map<string, number> | undefined;
  if (opts.value.installmentsBilled !== undefined) {
    const b = readInstallmentsBilled(opts.value.installmentsBilled);
    if (b.isErr()) return fail(b);
    explicitParts = b.value;
  }
  const skipped = (
    reason: 'exempt' | 'manual' | 'not-started' | 'first-invoice-skipped' | 'nothing-to-bill',
  ) => ok({ kind: 'skipped', reason, key, month: cycle.month } as const);
  if (issueMode.value === 'exempt') return skipped('exempt');
  if (issueMode.value === 'manual' && !onDemand.value) return skipped('manual');
  const start = startDate.value;
  if (start > cycle.issueDate || start >= cycle.period.end) return skipped('not-started');

  const lines: InvoiceLine[] = [];
  const { period } = cycle;
  const periodDays = epochDayOf(period.end) - epochDayOf(period.start);
  let billedStart = period.start;
  if (start > period.start) {
    // First invoice: the contract started inside this period.
    if (policy.value === 'skip') return skipped('first-invoice-skipped');
    billedStart = start;
    const billed: Period = { start, end: period.end };
    const days = epochDayOf(period.end) - epochDayOf(start);
    for (const r of recurring)
      lines.push(
        recurringLine(r, billed, policy.value, days, periodDays, convention.value, cur, mode.value, ''),
      );
  } else {
    // Stub: started after the previous cycle was issued, before this period.
    const prev = shiftMonth(year, mon, -1);
    const prevCycle = cycleCore(settings.value, prev.year, prev.month);
    if (
      start > prevCycle.issueDate &&
      start > prevCycle.period.start &&
      start < period.start &&
      policy.value !== 'skip'
    ) {
      const stub: Period = { start, end: period.start };
      const stubDays = epochDayOf(period.start) - epochDayOf(start);
      const prevDays = epochDayOf(prevCycle.period.end) - epochDayOf(prevCycle.period.start);
      for (const r of recurring) {
        lines.push(
          recurringLine(
            r,
            stub,
            policy.value,
            stubDays,
            prevDays,
            convention.value,
            cur,
            mode.value,
            ':stub',
          ),
        );
      }
    }
    for (const r of recurring) {
      lines.push({
        id: r.id,
        kind: r.discount ? 'discount' : 'service',
        effect: r.discount ? 'credit' : 'charge',
        description: r.description,
        amount: formatDec(r.amount, cur),
        penalty: false,
        period,
      });
    }
  }

  // Suspension credits on the net recurring price, for the billed part of the period.
  if (mergedSuspensions.length > 0 && recurring.length > 0) {
    let net = ZERO;
    for (const r of recurring) net = r.discount ? net.minus(r.amount) : net.plus(r.amount);
    if (net.isPositive() && !net.isZero()) {
      const billedWindow: Period = { start: billedStart, end: period.end };
      for (const s of mergedSuspensions) {
        const clipped: Period = {
          start: maxDate(s.start, billedWindow.start),
          end: s.end,
        };
        if (clipped.end <= clipped.start) continue;
        const line = suspensionCreditCore(
          `suspension:${clipped.start}`,
          net,
          period,
          clipped,
          convention.value,
          cur,
          mode.value,
        );
        if (line !== undefined) lines.push(line);
      }
    }
  }

  // Installments.
  const cycleIndex = monthIndex(year, mon);
  for (const plan of plans) {
    if (cycleIndex < plan.start) continue;
    const billed = explicitParts?.get(plan.id) ?? billedParts?.get(plan.id);
    const k = billed !== undefined ? billed + 1 : billedParts !== undefined ? 1 : cycleIndex - plan.start + 1;
    if (k > plan.count) continue;
    const parts = splitMinor(plan.totalMinor, plan.count, plan.strategy)!;
    const amount = parts[k - 1]!.div(unitOf(scale));
    const label = `${k}/${plan.count}`;
    lines.push({
      id: installmentKey(plan.id, k),
      kind: 'installment',
      effect: 'charge',
      description: `${plan.description} ${label}`,
      amount: formatDec(amount, cur),
      penalty: false,
      installment: { planId: plan.id, index: k, count: plan.count, label },
    });
  }

  const ids = new Set(lines.map((l) => l.id));
  for (const e of extras) {
    if (ids.has(e.id)) return err(invalidInput('contract.extras', `duplicate line id "${e.id}"`));
    ids.add(e.id);
    lines.push(e);
  }
  if (lines.length === 0) return skipped('nothing-to-bill');

  const invoice: Invoice = {
    id: key,
    key,
    contractId: contractId.value,
    currency: cur,
    rounding: mode.value,
    issueDate: cycle.issueDate,
    dueDate: cycle.dueDate,
    period,
    lines,
    payments: [],
    status: 'open',
    terms: (c.terms as Invoice['terms'] | undefined) ?? {},
  };
  return ok({ kind: 'invoice', invoice });
}

function recurringLine(
  r: Recurring,
  billed: Period,
  policy: FirstInvoicePolicy,
  days: number,
  periodDays: number,
  convention: ProrationConvention,
  currency: CurrencyCode,
  mode: RoundingMode,
  suffix: string,
): InvoiceLine {
  if (policy === 'full') {
    return {
      id: `${r.id}${suffix}`,
      kind: r.discount ? 'discount' : 'service',
      effect: r.discount ? 'credit' : 'charge',
      description: r.description,
      amount: formatDec(r.amount, currency),
      penalty: false,
      period: billed,
    };
  }
  const core = prorateCore(
    r.amount,
    days,
    periodDays,
    convention,
    currency,
    mode,
    `${r.description}, ${billed.start} to ${billed.end} (exclusive)`,
  );
  return {
    id: `${r.id}${suffix}`,
    kind: r.discount ? 'discount' : 'proration',
    effect: r.discount ? 'credit' : 'charge',
    description: `${r.description} (${days} of ${periodDays} days)`,
    amount: formatDec(core.amount, currency),
    penalty: false,
    period: billed,
    explanation: core.explanation,
  };
}

function mergePeriods(periods: readonly Period[]): Period[] {
  if (periods.length < 2) return [...periods];
  const sorted = [...periods].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: Period[] = [sorted[0]!];
  for (let i = 1; i < sorted.length; i++) {
    const last = out[out.length - 1]!;
    const cur = sorted[i]!;
    if (cur.start <= last.end) out[out.length - 1] = { start: last.start, end: maxDate(cur.end, last.end) };
    else out.push(cur);
  }
  return out;
}
