import { generateInvoice, type Invoice } from '@isp/billing';
import type { TakenIps } from '@isp/ip-policy';
import { err, ok, type Result } from 'neverthrow';
import type { IpChange } from '../cancellation/cancel-core';
import { contractBillingOf, extrasFor } from '../contract/contract-billing';
import type { Contract, ContractStatus } from '../contract/types';
import { desiredAccessOf } from '../desired-state/desired-access';
import { billingFailed, type ContractsError, invalidDate, invalidInput } from '../errors';
import { daysInMonth, type LocalDate, toEpochDay } from '../internal/local-date';
import type { LadderCancellation, LadderStep } from '../ladder/apply-ladder';
import { applyLadderCore, readLadderCancellation, takenPredicate } from '../ladder/apply-ladder-core';
import { evaluateLadder, type LadderEvaluation } from '../ladder/evaluate-ladder';
import type { PlanCatalog } from '../plans/plan';
import type { DesiredAccess } from '../ports/access-network';
import type { HolidayCalendar } from '../ports/holiday-calendar';
import { noticeKey } from '../ports/notice-key';
import type { Notice, NoticeKind } from '../ports/notifier';

export interface RunInput {
  readonly date: LocalDate;
  readonly contracts: Iterable<Contract>;
  /** The contract's invoices (as `@isp/billing` returns them). */
  readonly invoicesOf: (contractId: string) => readonly Invoice[];
  readonly plans: PlanCatalog;
  readonly calendar: HolidayCalendar;
  /** Generate the invoices whose closing date is today (default true). */
  readonly issueInvoices?: boolean;
  /**
   * What the ladder's cancellations do tonight (W3–W7, the same options as `cancelContract`): by default
   * `{ network: 'keep-ip-and-suspend', cancelPendingInvoices: false }`.
   */
  readonly cancellation?: LadderCancellation;
  /**
   * IPs held by services (a Set or a predicate); required when `cancellation.network` is `release-ip`.
   * IPs released earlier in the same run are added as it goes, so two contracts never get the same one.
   */
  readonly taken?: TakenIps;
}

/** What tonight's run will do for one contract. */
export interface ContractRunPlan {
  /** The contract as it is now. */
  readonly contract: Contract;
  readonly evaluation: LadderEvaluation;
  /** The status change, when the ladder requires one (with the intermediate suspension before a cancel). */
  readonly transition?: {
    readonly from: ContractStatus;
    readonly to: ContractStatus;
    readonly steps: readonly LadderStep[];
  };
  /** The contract after the transition (notices are recorded when they are sent). */
  readonly next: Contract;
  /** Overdue notices due, then the notice of the transition. */
  readonly notices: readonly Notice[];
  /** Today's invoice, when the closing date is today and it was not issued yet. */
  readonly invoice?: Invoice;
  /** Desired access of the contract's accounts after the transition (empty without a transition). */
  readonly desired: readonly DesiredAccess[];
  /** IPs a ladder cancellation with `release-ip` releases (the new IPs are on `next` too). */
  readonly ipChanges: readonly IpChange[];
  /** The contract's invoices after a ladder cancellation that cancels pending invoices. */
  readonly invoices?: readonly Invoice[];
  /** Pending invoices a ladder cancellation cancels. */
  readonly cancelledInvoiceIds: readonly string[];
}

/** An IP change of the run, with its contract. */
export interface RunIpChange extends IpChange {
  readonly contractId: string;
}

/** The forecast of tonight's run (X8): everything it will do, computed without side effects. */
export interface RunPlan {
  readonly date: LocalDate;
  /** Only contracts with something to do. */
  readonly items: readonly ContractRunPlan[];
  readonly invoicesToIssue: readonly Invoice[];
  readonly notices: readonly Notice[];
  /** Contract ids per action. A cancellation due with the suspension is listed in both. */
  readonly throttles: readonly string[];
  readonly suspensions: readonly string[];
  readonly cancellations: readonly string[];
  readonly restorations: readonly string[];
  /** IPs released by tonight's cancellations (`cancellation.network: 'release-ip'`). */
  readonly ipChanges: readonly RunIpChange[];
  /** Invoices tonight's cancellations cancel (`cancelPendingInvoices`), as they will be. */
  readonly cancelledInvoices: readonly Invoice[];
  /** The router plan: desired access of the changing subscribers, per router. */
  readonly network: ReadonlyMap<string, readonly DesiredAccess[]>;
  /**
   * Contracts that could not be planned; the others are unaffected. A cancellation that cannot be carried
   * out (`ManualIpRequired` when no release IP is free) is listed here while the contract's suspension is
   * planned as usual.
   */
  readonly failures: readonly { readonly contractId: string; readonly error: ContractsError }[];
  /** How many contracts were evaluated. */
  readonly evaluated: number;
}

const KIND_OF: Record<ContractStatus, NoticeKind> = {
  active: 'restored',
  throttled: 'throttled',
  suspended: 'suspended',
  cancelled: 'cancelled',
};

/**
 * Computes tonight's run (X8) for a date: invoices to issue, overdue notices, throttles, suspensions,
 * cancellations (with what they do to the IP and the pending invoices, `input.cancellation`) and
 * restorations, and the desired network state of the subscribers that change — without side effects. Each
 * contract is planned on its own: one that fails is listed in `failures` (e.g. `ManualIpRequired` when no
 * release IP is free).
 *
 * Built for large runs: a contract with nothing overdue and no closing date today costs an integer date
 * comparison and a scan of its unpaid invoices; no money arithmetic, no calendar look-up.
 */
export function planRun(input: RunInput): Result<RunPlan, ContractsError> {
  const today = toEpochDay(input?.date);
  if (Number.isNaN(today)) return err(invalidDate('date', 'date must be a calendar date YYYY-MM-DD'));
  if (typeof input.invoicesOf !== 'function')
    return err(invalidInput('invoicesOf', 'invoicesOf must be a function'));
  if (typeof input.calendar?.isHoliday !== 'function')
    return err(invalidInput('calendar', 'calendar must be a HolidayCalendar'));
  if (!(input.plans instanceof Map)) return err(invalidInput('plans', 'plans must be a plan catalog (Map)'));
  const cancellation = readLadderCancellation(input.cancellation, 'cancellation');
  if (cancellation.isErr()) return err(cancellation.error);
  let taken: ((ip: string) => boolean) | undefined;
  const released = new Set<string>();
  if (cancellation.value.network === 'release-ip') {
    const callerTaken = takenPredicate(input.taken);
    if (callerTaken === undefined)
      return err(invalidInput('taken', 'release-ip needs the set of taken IPs (a Set or a predicate)'));
    taken = (ip) => released.has(ip) || callerTaken(ip);
  }
  const date = input.date;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const last = daysInMonth(year, month);
  const yearMonth = date.slice(0, 7);
  const issue = input.issueInvoices !== false;
  const options = { calendar: input.calendar };

  const items: ContractRunPlan[] = [];
  const invoicesToIssue: Invoice[] = [];
  const notices: Notice[] = [];
  const throttles: string[] = [];
  const suspensions: string[] = [];
  const cancellations: string[] = [];
  const restorations: string[] = [];
  const ipChanges: RunIpChange[] = [];
  const cancelledInvoices: Invoice[] = [];
  const network = new Map<string, DesiredAccess[]>();
  const failures: { contractId: string; error: ContractsError }[] = [];
  let evaluated = 0;

  for (const contract of input.contracts) {
    evaluated++;
    const invoices = input.invoicesOf(contract.id);
    const evaluation = evaluateLadder(contract, invoices, date, options);
    if (evaluation.isErr()) {
      failures.push({ contractId: contract.id, error: evaluation.error });
      continue;
    }
    const e = evaluation.value;
    const settings = contract.invoiceSettings;
    const closingToday =
      issue &&
      contract.status !== 'cancelled' &&
      !settings.exempt &&
      settings.issue === 'automatic' &&
      Math.min(settings.closingDay, last) === day &&
      !invoices.some((i) => i.issueDate === date);
    if (e.target === e.current && e.noticesDue.length === 0 && !closingToday) continue;

    let invoice: Invoice | undefined;
    if (closingToday) {
      const extras = extrasFor(contract, yearMonth);
      const billing = contractBillingOf(contract);
      const generated = generateInvoice(extras.length === 0 ? billing : { ...billing, extras }, yearMonth, {
        previousInvoices: invoices,
      });
      if (generated.isErr()) {
        failures.push({ contractId: contract.id, error: billingFailed('invoice', generated.error) });
        continue;
      }
      const g = generated.value;
      if (g.kind === 'invoice' && !invoices.some((i) => i.id === g.invoice.id)) invoice = g.invoice;
      if (invoice === undefined && e.target === e.current && e.noticesDue.length === 0) continue;
    }

    let applied = applyLadderCore(contract, e, cancellation.value, taken, invoices);
    let target = e.target;
    if (applied.isErr() && target === 'cancelled' && contract.status !== 'suspended') {
      // The cancellation cannot be carried out (e.g. no free release IP): it is a failure of the run, and
      // the service is suspended meanwhile, as the ladder requires; the next run tries the cancellation again.
      failures.push({ contractId: contract.id, error: applied.error });
      target = 'suspended';
      applied = applyLadderCore(contract, { ...e, target }, cancellation.value, taken, invoices);
    } else if (applied.isErr()) {
      failures.push({ contractId: contract.id, error: applied.error });
      continue;
    }
    if (applied.isErr()) continue;
    const { contract: next, steps } = applied.value;
    const itemIpChanges = applied.value.ipChanges;
    let desired: readonly DesiredAccess[] = [];
    if (steps.length > 0) {
      const d = desiredAccessOf(next, input.plans);
      if (d.isErr()) {
        failures.push({ contractId: contract.id, error: d.error });
        continue;
      }
      desired = d.value;
    }
    const contractNotices: Notice[] = [];
    for (const invoiceId of e.noticesDue) {
      contractNotices.push({
        kind: 'overdue-notice',
        contractId: contract.id,
        customerId: contract.customerId,
        date,
        invoiceIds: [invoiceId],
        idempotencyKey: noticeKey(contract.id, invoiceId, 'overdue-notice'),
      });
    }
    if (steps.length > 0) {
      const kind = KIND_OF[target];
      contractNotices.push({
        kind,
        contractId: contract.id,
        customerId: contract.customerId,
        date,
        invoiceIds: e.overdueInvoiceIds,
        idempotencyKey: noticeKey(contract.id, null, kind, date),
      });
      for (const step of steps) {
        if (step.to === 'throttled') throttles.push(contract.id);
        else if (step.to === 'suspended') suspensions.push(contract.id);
        else if (step.to === 'cancelled') cancellations.push(contract.id);
        else restorations.push(contract.id);
      }
      for (const d of desired) {
        const list = network.get(d.routerId);
        if (list === undefined) network.set(d.routerId, [d]);
        else list.push(d);
      }
    }
    for (const change of itemIpChanges) {
      released.add(change.to);
      ipChanges.push({ contractId: contract.id, ...change });
    }
    const cancelledIds = applied.value.cancelledInvoiceIds;
    if (cancelledIds.length > 0) {
      for (const i of applied.value.invoices ?? [])
        if (cancelledIds.includes(i.id)) cancelledInvoices.push(i);
    }
    if (invoice !== undefined) invoicesToIssue.push(invoice);
    notices.push(...contractNotices);
    const item: { -readonly [K in keyof ContractRunPlan]: ContractRunPlan[K] } = {
      contract,
      evaluation: e,
      next,
      notices: contractNotices,
      desired,
      ipChanges: itemIpChanges,
      cancelledInvoiceIds: cancelledIds,
    };
    if (steps.length > 0) item.transition = { from: e.current, to: target, steps };
    if (invoice !== undefined) item.invoice = invoice;
    if (applied.value.invoices !== undefined) item.invoices = applied.value.invoices;
    items.push(item);
  }
  return ok({
    date,
    items,
    invoicesToIssue,
    notices,
    throttles,
    suspensions,
    cancellations,
    restorations,
    ipChanges,
    cancelledInvoices,
    network,
    failures,
    evaluated,
  });
}
