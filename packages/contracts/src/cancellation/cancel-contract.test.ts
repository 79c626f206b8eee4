import { invoiceSummary } from '@isp/billing';
import { describe, expect, it } from 'vitest';
import { billingInvoice, makeContract, plans } from '../../test/fixtures';
import { desiredAccessOf } from '../desired-state/desired-access';
import { createInMemoryAccessNetwork } from '../testing/in-memory-access-network';
import { cancelContract } from './cancel-contract';
import { cancelContracts } from './cancel-contracts';

const a = billingInvoice('A', '2026-05', [
  { description: 'Internet 10 Mbps', amount: '350.00' },
  { description: 'Cargo por mora', amount: '30.00', penalty: true },
]);
const b = billingInvoice('B', '2026-06', [{ description: 'Internet 10 Mbps', amount: '350.00' }]);
const balance = (inv: typeof a) => invoiceSummary(inv)._unsafeUnwrap().balance;

describe('cancelContract', () => {
  it('V41: with "cancel pending invoices" A and B become cancelled, receivable 0.00', () => {
    const r = cancelContract(makeContract(), [a, b], {
      date: '2026-06-20',
      reason: 'customer moved away',
      cancelPendingInvoices: true,
      plans,
    })._unsafeUnwrap();
    expect(r.invoices.map((i) => i.status)).toEqual(['cancelled', 'cancelled']);
    expect(r.invoices.map(balance)).toEqual(['0.00', '0.00']);
    expect(r.cancelledInvoiceIds).toEqual(['A', 'B']);
    expect(r.contract.history.at(-1)).toMatchObject({ event: 'invoices-cancelled', refs: ['A', 'B'] });
  });

  it('V41 / W3: without options only the status changes — A and B stay pending (730.00 collectable), router untouched', () => {
    const before = makeContract();
    const r = cancelContract(before, [a, b], {
      date: '2026-06-20',
      reason: 'customer request',
      plans,
    })._unsafeUnwrap();
    expect(r.contract.status).toBe('cancelled');
    expect(r.invoices).toEqual([a, b]);
    expect(r.invoices.map(balance)).toEqual(['380.00', '350.00']);
    expect(r.ipChanges).toEqual([]);
    expect(r.desired.map((d) => [d.state, d.ipv4])).toEqual([['active', '10.0.1.10']]);
    expect(r.contract.items).toEqual(before.items);
    expect(r.contract.history.slice(0, before.history.length)).toEqual(before.history);
  });

  it('W5/W6: release-ip remaps 10.a.x.x to 127.0.x.x and removes the account from the router', () => {
    const r = cancelContract(makeContract(), [], {
      date: '2026-06-20',
      reason: 'release',
      network: 'release-ip',
      taken: new Set<string>(),
      plans,
    })._unsafeUnwrap();
    expect(r.ipChanges).toEqual([
      { accountId: 'acc-1', from: '10.0.1.10', to: '127.0.1.10', rule: expect.any(String) },
    ]);
    expect(r.desired.map((d) => d.state)).toEqual(['absent']);
    const account = r.contract.items[0]?.kind === 'internet' ? r.contract.items[0].account : undefined;
    expect(account).toMatchObject({ ipv4: '127.0.1.10', previousIpv4: '10.0.1.10' });
  });

  it('W5: the released subscriber leaves a router that checks customer networks (the IP is not sent)', async () => {
    const network = createInMemoryAccessNetwork({
      routers: [{ routerId: 'r1', customerNetworks: ['10.0.0.0/16'] }],
    });
    const contract = makeContract();
    const provisioned = await network.sync('r1', desiredAccessOf(contract, plans)._unsafeUnwrap());
    expect(provisioned._unsafeUnwrap().outcomes.map((o) => o.outcome)).toEqual(['created']);
    const r = cancelContract(contract, [], {
      date: '2026-06-20',
      reason: 'release',
      network: 'release-ip',
      taken: new Set<string>(),
      plans,
    })._unsafeUnwrap();
    expect(r.desired).toEqual([expect.objectContaining({ state: 'absent' })]);
    expect(r.desired[0]).not.toHaveProperty('ipv4');
    expect(r.desired[0]).not.toHaveProperty('credentials');
    const removed = (await network.sync('r1', r.desired))._unsafeUnwrap();
    expect(removed.outcomes.map((o) => [o.outcome, o.error?.type])).toEqual([['removed', undefined]]);
    expect(network.entries('r1')).toEqual([]);
  });

  it('W6: falls back to 100.64.x.x when taken, then asks for a manual IP', () => {
    const fallback = cancelContract(makeContract(), [], {
      date: '2026-06-20',
      reason: 'release',
      network: 'release-ip',
      taken: new Set(['127.0.1.10']),
      plans,
    })._unsafeUnwrap();
    expect(fallback.ipChanges[0]?.to).toBe('100.64.1.10');
    const manual = cancelContract(makeContract(), [], {
      date: '2026-06-20',
      reason: 'release',
      network: 'release-ip',
      taken: new Set(['127.0.1.10', '100.64.1.10']),
      plans,
    })._unsafeUnwrapErr();
    expect(manual).toMatchObject({ type: 'ManualIpRequired', ip: '10.0.1.10' });
  });

  it('W7: keep-ip-and-suspend keeps the IP and suspends the service', () => {
    const r = cancelContract(makeContract(), [], {
      date: '2026-06-20',
      reason: 'x',
      network: 'keep-ip-and-suspend',
      plans,
    })._unsafeUnwrap();
    expect(r.desired.map((d) => [d.state, d.ipv4])).toEqual([['suspended', '10.0.1.10']]);
  });

  it('W8: warns, without blocking, when loaned equipment is still out', () => {
    const r = cancelContract(makeContract(), [], { date: '2026-06-20', reason: 'x', plans })._unsafeUnwrap();
    expect(r.warnings).toEqual([
      { type: 'EquipmentNotReturned', equipmentIds: ['onu-1'], message: expect.stringContaining('ONU') },
    ]);
    const returned = makeContract({
      equipment: [{ id: 'onu-1', description: 'ONU', loanedOn: '2026-01-05', returnedOn: '2026-06-19' }],
    });
    expect(
      cancelContract(returned, [], { date: '2026-06-20', reason: 'x', plans })._unsafeUnwrap().warnings,
    ).toEqual([]);
  });

  it('rejects a cancelled contract, foreign invoices and bad options', () => {
    const once = cancelContract(makeContract(), [], {
      date: '2026-06-20',
      reason: 'x',
      plans,
    })._unsafeUnwrap().contract;
    expect(cancelContract(once, [], { date: '2026-06-21', reason: 'x', plans })._unsafeUnwrapErr().type).toBe(
      'ContractAlreadyCancelled',
    );
    expect(
      cancelContract(makeContract(), [{ ...a, contractId: 'other' }], {
        date: '2026-06-21',
        reason: 'x',
        plans,
      })._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'InvoiceMismatch',
      field: 'invoices[0].contractId',
    });
    expect(
      cancelContract(makeContract(), [], {
        date: '2026-06-21',
        reason: 'x',
        plans,
        network: 'nuke' as never,
      })._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'InvalidInput',
      field: 'network',
    });
    expect(
      cancelContract(makeContract(), [], {
        date: '2026-06-21',
        reason: 'x',
        plans,
        network: 'release-ip',
      })._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'InvalidInput',
      field: 'taken',
    });
  });
});

describe('cancelContracts (bulk)', () => {
  it('gives each contract its own outcome; a failure neither stops nor undoes the others; no duplicate release IPs', () => {
    const c1 = makeContract();
    const c2 = makeContract({ id: 'c2' });
    const c3 = makeContract({ id: 'c3' });
    const alreadyCancelled = { ...makeContract({ id: 'c4' }), status: 'cancelled' as const };
    const outcomes = cancelContracts(
      [
        { contract: c1, invoices: [] },
        { contract: alreadyCancelled, invoices: [] },
        { contract: c2, invoices: [] },
        { contract: c3, invoices: [] },
      ],
      { date: '2026-06-20', reason: 'bulk', network: 'release-ip', taken: new Set<string>(), plans },
    );
    expect(outcomes.map((o) => [o.contractId, o.outcome])).toEqual([
      ['c1', 'cancelled'],
      ['c4', 'failed'],
      ['c2', 'cancelled'],
      ['c3', 'failed'],
    ]);
    const ips = outcomes.flatMap((o) =>
      o.outcome === 'cancelled' ? o.result.ipChanges.map((c) => c.to) : [],
    );
    expect(ips).toEqual(['127.0.1.10', '100.64.1.10']);
    const third = outcomes[3];
    expect(third?.outcome === 'failed' && third.error.type).toBe('ManualIpRequired');
  });
});
