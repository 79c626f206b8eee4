import {
  amountDueOn,
  generateInvoice,
  type Invoice,
  invoiceSummary,
  paymentKey,
  registerPayment,
} from '@isp/billing';
import {
  type Contract,
  contractBillingOf,
  createContract,
  createCustomer,
  desiredNetworkState,
  extrasFor,
  formatTaxId,
  grantPaymentPromise,
  noticeKey,
  reactivateContract,
} from '@isp/contracts';
import { type App, printRouterChanges, settleDevices } from './app';
import { LAN_EXCLUSIONS, LAN_POOLS, ROUTER_SALE, WEBMIKROTIK_INVOICE_SETTINGS } from './config';
import type { SignUp } from './customers';
import { nextClosingMonth } from './dates';
import { takenIps } from './store';
import { brl, formatRate, invoiceLines } from './timeline';

const isUnpaid = (i: Invoice): boolean => i.status === 'open' || i.status === 'partially-paid';

function fail(what: string, error: { type: string; message: string; field?: string }): never {
  throw new Error(
    `${what}: ${error.type}${error.field === undefined ? '' : ` (${error.field})`}: ${error.message}`,
  );
}

/**
 * Registers a customer and their contract as the WebMikrotik form does (M1–M6, M8): identification with a
 * validated CPF, portal login (only the hash is kept), a contract with an internet item on the router, the
 * router sold in installments from the first invoice, the invoice settings and the loaned ONU.
 */
export function registerCustomer(app: App, date: string, signUp: SignUp): Contract {
  const customer = createCustomer(signUp.customer);
  if (customer.isErr()) fail(`customer ${signUp.customer.id}`, customer.error);
  const plan = app.plans.get(signUp.planId);
  if (plan === undefined) throw new Error(`unknown plan ${signUp.planId}`);
  const contract = createContract(
    {
      id: signUp.contractId,
      customerId: customer.value.id,
      layoutId: 'internet-residencial',
      installationAddress: signUp.customer.address,
      startDate: date,
      items: [
        {
          id: 'internet',
          kind: 'internet',
          description: `Internet ${plan.name}`,
          planId: plan.id,
          account: { ...signUp.account, routerId: app.routerId },
        },
      ],
      installments: [
        {
          id: 'router',
          ...ROUTER_SALE,
          startMonth: nextClosingMonth(date, WEBMIKROTIK_INVOICE_SETTINGS.closingDay),
        },
      ],
      invoiceSettings: { ...WEBMIKROTIK_INVOICE_SETTINGS, billingAddress: signUp.customer.address },
      equipment: [{ id: 'onu', description: 'ONU', serial: `ONU-${signUp.account.id}`, loanedOn: date }],
    },
    app.plans,
  );
  if (contract.isErr()) fail(`contract ${signUp.contractId}`, contract.error);
  app.store.putCustomer(customer.value);
  app.store.putContract(contract.value);
  app.journal.push({ date, contractId: contract.value.id, kind: 'registered' });

  const c = customer.value;
  const a = signUp.account;
  const s = contract.value.invoiceSettings;
  const where = [a.ipv4, a.username === undefined ? undefined : `user ${a.username}`]
    .filter(Boolean)
    .join(', ');
  const i = contract.value.installments[0];
  app.timeline.print(
    `  ${c.name} — ${c.taxId.kind.toUpperCase()} ${formatTaxId(c.taxId)}, portal login ${c.portal?.username} (password kept as a scrypt hash)`,
  );
  app.timeline.print(
    `    contract ${contract.value.id}: ${plan.name} ${brl(plan.price)}/month (${formatRate(plan.rate)}, reduced ${formatRate(plan.throttledRate)}), ${a.method} ${where}`,
  );
  app.timeline.print(
    `    ${i?.description} ${brl(i?.total ?? '?')} in ${i?.count}× from ${i?.startMonth}; closing day ${s.closingDay}, due day ${s.dueDay}, −${brl(s.earlyPaymentDiscount ?? '0')} if paid by the due date, fine ${s.finePercent} %, interest ${s.interestPercentPerMonth} % a month; first invoice ${s.firstInvoice}`,
  );
  app.timeline.print(`    story: ${signUp.story}`);
  return contract.value;
}

/** Puts every contract on the router (desired network state → one sync per router) and logs the devices in. */
export async function provisionAll(app: App, date: string): Promise<void> {
  const state = desiredNetworkState(app.store.contracts(), app.plans);
  for (const f of state.failures) app.timeline.print(`  ✗ ${f.contractId}: ${f.error.message}`);
  for (const [routerId, desired] of state.byRouter) {
    const r = await app.network.sync(routerId, desired);
    if (r.isErr()) throw new Error(`router ${routerId}: ${r.error.type}: ${r.error.message}`);
  }
  printRouterChanges(app);
  settleDevices(app, date);
}

/**
 * The customer pays everything unpaid on `date`: billing applies the invoice's own terms as of the payment
 * date (early-payment discount by the effective due date, fine and interest after it) and the payment id is
 * the idempotency key of (invoice, bank reference), so a duplicated bank notification changes nothing.
 */
export function payAll(app: App, date: string, contractId: string, reference: string): void {
  const unpaid = app.store.invoicesOf(contractId).filter(isUnpaid);
  const name = customerName(app, contractId);
  for (const invoice of unpaid) {
    const due = amountDueOn(invoice, date, { isNonBusinessDay: app.isNonBusinessDay });
    if (due.isErr()) fail(`amount due of ${invoice.id}`, due.error);
    const paid = registerPayment(
      invoice,
      { id: paymentKey(invoice.id, reference), date, amount: due.value.total },
      { isNonBusinessDay: app.isNonBusinessDay },
    );
    if (paid.isErr()) fail(`payment of ${invoice.id}`, paid.error);
    const next = paid.value.invoice;
    app.store.putInvoices([next]);
    const own = (kind: string) =>
      next.lines.find((l) => l.kind === kind && l.id.startsWith(invoice.id))?.amount;
    const fine = due.value.daysLate > 0 ? own('fine') : undefined;
    const interest = due.value.daysLate > 0 ? own('interest') : undefined;
    const discount = due.value.discount?.amount;
    app.journal.push({
      date,
      contractId,
      kind: 'payment',
      invoiceId: invoice.id,
      amount: due.value.total,
      daysLate: due.value.daysLate,
      ...(fine === undefined ? {} : { fine }),
      ...(interest === undefined ? {} : { interest }),
      ...(discount === undefined ? {} : { discount }),
    });
    const when =
      due.value.daysLate > 0
        ? `${due.value.daysLate} day(s) late`
        : `on time (effective due date ${due.value.effectiveDueDate})`;
    app.timeline.print(`  ${name} pays ${brl(due.value.total)} for ${invoice.id}, ${when}`);
    for (const line of invoiceLines(next)) app.timeline.print(line);
  }
}

/** A payment promise (X4): the ladder holds until `until`, so tonight's run restores the service. */
export async function promise(app: App, date: string, contractId: string, until: string): Promise<void> {
  const contract = app.store.contract(contractId);
  if (contract === undefined) throw new Error(`no contract ${contractId}`);
  const granted = grantPaymentPromise(contract, { date, until });
  if (granted.isErr()) {
    app.timeline.print(`  ${contractId}: payment promise refused — ${granted.error.message}`);
    return;
  }
  app.store.putContract(granted.value);
  app.journal.push({ date, contractId, kind: 'promise', until });
  app.timeline.print(
    `  ${customerName(app, contractId)} promises to pay by ${until}: payment promise granted`,
  );
  await app.notifier.notify({
    kind: 'promise-granted',
    contractId,
    customerId: contract.customerId,
    date,
    invoiceIds: app.store
      .invoicesOf(contractId)
      .filter(isUnpaid)
      .map((i) => i.id),
    idempotencyKey: noticeKey(contractId, null, 'promise-granted', date),
  });
}

/**
 * A cancelled customer comes back (W9): the pending invoice — with its fine and interest as of today — is
 * merged into the next month's invoice (issued now, for the next closing, with the next installment part),
 * the account gets its previous IP back when it is still free (else a free one from the LAN range), the
 * contract is active again and the router provisions it with its method.
 */
export async function reactivate(app: App, date: string, contractId: string): Promise<void> {
  const { store, timeline } = app;
  const contract = store.contract(contractId);
  if (contract === undefined) throw new Error(`no contract ${contractId}`);
  const month = nextClosingMonth(date, contract.invoiceSettings.closingDay);
  // The invoices so far tell billing which installment parts were billed: a month without an invoice (the
  // cancelled December) consumes none, so the next part goes on this invoice.
  const generated = generateInvoice(
    { ...contractBillingOf(contract), extras: extrasFor(contract, month) },
    month,
    { previousInvoices: store.invoicesOf(contractId) },
  );
  if (generated.isErr()) fail(`next invoice of ${contractId}`, generated.error);
  const next = generated.value;
  if (next.kind !== 'invoice') throw new Error(`no invoice for ${month}: ${next.reason}`);
  const nextInvoice = next.invoice;
  const pending = store.invoicesOf(contractId).filter(isUnpaid);
  timeline.print(
    `  ${customerName(app, contractId)} comes back: ${pending.length} pending invoice(s) ${pending.map((i) => i.id).join(', ')} to merge into the ${month} invoice`,
  );
  const result = reactivateContract(contract, store.invoicesOf(contractId), {
    date,
    reason: 'customer came back; pending invoice merged into the next one',
    settle: { kind: 'merge', nextInvoice },
    pools: LAN_POOLS,
    exclusions: LAN_EXCLUSIONS,
    taken: takenIps(store, contractId),
    plans: app.plans,
    isNonBusinessDay: app.isNonBusinessDay,
  });
  if (result.isErr()) fail(`reactivation of ${contractId}`, result.error);
  const r = result.value;
  app.devices?.mark();
  const synced = await app.network.sync(app.routerId, r.desired);
  if (synced.isErr() || synced.value.outcomes.some((o) => o.outcome === 'failed')) {
    timeline.print(
      `  ✗ ${contractId}: the router refused the provisioning — contract left cancelled, try again`,
    );
    printRouterChanges(app);
    return;
  }
  store.putContract(r.contract);
  store.putInvoices(r.invoices);
  const target = r.invoices.find((i) => i.id === nextInvoice.id);
  app.journal.push({
    date,
    contractId,
    kind: 'reactivated',
    mergedInvoiceIds: pending.map((i) => i.id),
    into: nextInvoice.id,
  });
  for (const change of r.ipChanges) {
    app.journal.push({
      date,
      contractId,
      kind: 'ip-changed',
      from: change.from,
      to: change.to,
      rule: change.rule,
    });
    timeline.print(`  ${contractId}: IP ${change.from} → ${change.to} (${change.rule}); active again`);
  }
  for (const source of r.invoices.filter((i) => i.status === 'transferred')) {
    const moved = source.transfer;
    timeline.print(`    ${source.id} is now transferred: ${brl(moved?.amount ?? '?')} moved to ${moved?.to}`);
  }
  if (target !== undefined) {
    const total = invoiceSummary(target).map((s) => s.total);
    timeline.print(`    next invoice issued now with the merged lines, total ${brl(total.unwrapOr('?'))}:`);
    for (const line of invoiceLines(target)) timeline.print(line);
  }
  printRouterChanges(app);
  settleDevices(app, date);
}

export function customerName(app: App, contractId: string): string {
  const contract = app.store.contract(contractId);
  return (contract === undefined ? undefined : app.store.customer(contract.customerId)?.name) ?? contractId;
}
