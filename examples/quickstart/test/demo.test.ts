import { beforeAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../src/app';
import { sampleSecrets } from '../src/customers';
import { type DemoResult, runDemo } from '../src/run-demo';

let demo: DemoResult;
let text: string;

beforeAll(async () => {
  // An empty environment: always the in-process emulator on 127.0.0.1, whatever the machine has set.
  demo = await runDemo({ print: () => undefined, env: {} });
  text = demo.lines.join('\n');
}, 60_000);

const events = <K extends JournalEvent['kind']>(kind: K, contractId?: string) =>
  demo.summary.journal.filter(
    (e): e is Extract<JournalEvent, { kind: K }> =>
      e.kind === kind && (contractId === undefined || ('contractId' in e && e.contractId === contractId)),
  );
const invoice = (id: string) => {
  const found = demo.summary.invoices.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no invoice ${id}`);
  return found;
};
const statusChanges = (contractId: string) =>
  events('status', contractId).map((e) => [e.date, `${e.from}→${e.to}`, e.ok]);

describe('the quickstart demo', () => {
  it('runs day by day from the sign-ups to January and ends with everyone paid and active', () => {
    expect(demo.summary.mode).toBe('emulator');
    expect(demo.summary.firstDay).toBe('2026-10-19');
    expect(demo.summary.days).toBeGreaterThan(31);
    expect(demo.summary.contracts.map((c) => [c.contractId, c.method, c.status])).toEqual([
      ['ct-ana', 'simple-queue', 'active'],
      ['ct-bruno', 'pcq-address-list', 'active'],
      ['ct-carla', 'pppoe', 'active'],
      ['ct-diego', 'hotspot', 'active'],
    ]);
    expect(demo.summary.invoices.every((i) => i.balance === '0.00')).toBe(true);
    expect(text).toContain('2026-11-13 Fri');
    expect(text).toMatch(/quiet days/);
  });

  it('issues the monthly invoices on the closing day, none for the cancelled customer', () => {
    const issued = events('invoice-issued').map((e) => `${e.date} ${e.contractId}`);
    expect(issued).toEqual([
      '2026-11-01 ct-ana',
      '2026-11-01 ct-bruno',
      '2026-11-01 ct-carla',
      '2026-11-01 ct-diego',
      '2026-12-01 ct-ana',
      '2026-12-01 ct-bruno',
      '2026-12-01 ct-diego',
      '2027-01-01 ct-ana',
      '2027-01-01 ct-bruno',
      '2027-01-01 ct-diego',
    ]);
    // Carla's January invoice was issued on her return, with the old one merged into it.
    expect(demo.summary.invoices).toHaveLength(11);
  });

  it('prorates the first invoice to the days used (19 Oct – 1 Nov: 13 of 31 days)', () => {
    const first = invoice('invoice:ct-bruno:2026-11-01');
    expect(first.lines[0]).toMatchObject({ kind: 'proration', amount: '41.89' }); // 99.90 × 13 ÷ 31
    expect(first.lines[0]?.explanation).toContain('13 of the period');
    expect(first.lines[1]).toMatchObject({ kind: 'service', amount: '99.90' });
    expect(invoice('invoice:ct-ana:2026-11-01').lines[0]).toMatchObject({
      kind: 'proration',
      amount: '33.51',
    }); // 79.90 × 13 ÷ 31
  });

  it('bills the router in three installments of 20.00 labelled 1/3, 2/3, 3/3', () => {
    for (const contractId of ['ct-ana', 'ct-bruno', 'ct-diego']) {
      const parts = demo.summary.invoices
        .filter((i) => i.contractId === contractId)
        .flatMap((i) => i.lines.filter((l) => l.kind === 'installment'))
        .map((l) => `${l.installment} ${l.amount}`);
      expect(parts).toEqual(['1/3 20.00', '2/3 20.00', '3/3 20.00']);
    }
  });

  it('bills the next installment part on the next invoice issued: none was lost while the contract was cancelled', () => {
    // Carla had no December invoice (cancelled); her January invoice carries part 2/3 (and part 1/3 moved
    // from November). Part 3/3 goes on her February invoice, after the demo ends.
    const parts = demo.summary.invoices
      .filter((i) => i.contractId === 'ct-carla')
      .flatMap((i) => i.lines.filter((l) => l.kind === 'installment'))
      .map((l) => `${l.installment} ${l.amount}`)
      .sort();
    expect(parts).toEqual(['1/3 20.00', '2/3 20.00']);
  });

  it('gives the early-payment discount on time, fine and interest when late', () => {
    expect(events('payment', 'ct-ana')[0]).toMatchObject({
      date: '2026-11-09',
      amount: '128.41', // 133.41 − 5.00
      daysLate: 0,
      discount: '5.00',
    });
    expect(events('payment', 'ct-bruno')[0]).toMatchObject({
      date: '2026-11-17',
      daysLate: 7,
      fine: '3.24', // 2 % of 161.79
      interest: '0.38', // 161.79 × 1 % × 7 ÷ 30 = 0.3775
      amount: '165.41',
    });
    expect(invoice('invoice:ct-bruno:2026-11-01').lines.map((l) => l.kind)).toContain('fine');
    // Sunday 10 January moves the due date to Monday 11: still on time.
    expect(events('payment', 'ct-bruno').at(-1)).toMatchObject({
      date: '2027-01-11',
      daysLate: 0,
      discount: '5.00',
    });
  });

  it('walks the never-paying customer through notice → throttle → suspend → cancel, over the holiday and weekend', () => {
    expect(events('notice', 'ct-carla').map((e) => `${e.date} ${e.notice}`)).toEqual([
      '2026-11-11 overdue-notice',
      '2026-11-13 throttled',
      '2026-11-23 cancelled',
    ]);
    // Day 10 is Friday 20 November, Consciência Negra; then Saturday and Sunday: suspended on Monday 23,
    // and cancelled in the same run (one notice, the cancellation).
    expect(statusChanges('ct-carla')).toEqual([
      ['2026-11-13', 'active→throttled', true],
      ['2026-11-23', 'throttled→suspended', true],
      ['2026-11-23', 'suspended→cancelled', true],
    ]);
    expect(text).toContain(
      'suspension moved over 2026-11-20 holiday (Dia da Consciência Negra), 2026-11-21 weekend, 2026-11-22 weekend',
    );
  });

  it('kicks the PPPoE session when the account changes (throttled) and when it is removed (cancelled)', () => {
    const throttled = events('device').filter(
      (e) => e.username === 'carla.mendes' && e.date === '2026-11-13',
    );
    expect(throttled.map((e) => e.event)).toEqual(['dropped', 'connected']);
    expect(throttled[1]?.detail).toContain('isp-plus-50-throttled');
    const carla = events('device').filter((e) => e.username === 'carla.mendes' && e.date === '2026-11-23');
    expect(carla.map((e) => e.event)).toEqual(['dropped', 'refused']);
    expect(carla[1]?.detail).toContain('unknown-user');
    expect(text).toContain('~ kick /ppp/active carla.mendes [sub-carla] — account changed');
    expect(text).toContain('~ kick /ppp/active carla.mendes [sub-carla] — account removed');
  });

  it('releases the IP by the WispHub rule when the ladder cancels, and shows it in the forecast', () => {
    expect(text).toContain('IP 10.20.3.30 → 127.0.3.30 (release rule wisphub-10)');
    expect(events('ip-changed', 'ct-carla')[0]).toEqual({
      date: '2026-11-23',
      contractId: 'ct-carla',
      kind: 'ip-changed',
      from: '10.20.3.30',
      to: '127.0.3.30',
      rule: 'wisphub-10',
    });
  });

  it('restores the service on a payment promise, and on payment', () => {
    expect(events('promise', 'ct-diego')).toEqual([
      { date: '2026-11-16', contractId: 'ct-diego', kind: 'promise', until: '2026-11-23' },
    ]);
    expect(statusChanges('ct-diego')).toEqual([
      ['2026-11-13', 'active→throttled', true],
      ['2026-11-16', 'throttled→active', true],
    ]);
    expect(statusChanges('ct-bruno')).toEqual([
      ['2026-11-13', 'active→throttled', true],
      ['2026-11-17', 'throttled→active', true],
    ]);
  });

  it('reactivates the cancelled customer with the old invoice merged into the next one and the old IP back', () => {
    expect(events('reactivated', 'ct-carla')).toEqual([
      {
        date: '2026-12-14',
        contractId: 'ct-carla',
        kind: 'reactivated',
        mergedInvoiceIds: ['invoice:ct-carla:2026-11-01'],
        into: 'invoice:ct-carla:2027-01-01',
      },
    ]);
    expect(invoice('invoice:ct-carla:2026-11-01')).toMatchObject({ status: 'transferred', balance: '0.00' });
    const merged = invoice('invoice:ct-carla:2027-01-01');
    expect(
      merged.lines.filter((l) => l.movedFrom === 'invoice:ct-carla:2026-11-01').map((l) => l.amount),
    ).toEqual(['41.89', '99.90', '20.00', '3.24', '1.83']); // with the fine and interest as of 14 December
    expect(invoice('invoice:ct-carla:2026-11-01')).toMatchObject({ status: 'transferred' });
    expect(events('ip-changed', 'ct-carla')[1]).toMatchObject({ from: '127.0.3.30', to: '10.20.3.30' });
    // 99.90 + 20.00 (2/3) + 166.86 moved (161.79 + fine 3.24 + interest 1.83) − 5.00 paid by the due date.
    expect(events('payment', 'ct-carla')).toMatchObject([
      { date: '2027-01-11', amount: '281.76', daysLate: 0 },
    ]);
  });

  it('leaves the router exactly as the final desired state says', () => {
    const { router } = demo.summary;
    expect(router.pendingChanges).toBe(0);
    const menus = router.snapshot?.menus ?? {};
    const rows = (menu: string) => menus[menu]?.rows ?? [];
    const owned = Object.values(menus).flatMap((m) =>
      m.rows.filter((r) => /^isp:sub-/.test(r['comment'] ?? '')).map((r) => r['comment']),
    );
    expect(owned.sort()).toEqual([
      'isp:sub-ana:queue',
      'isp:sub-bruno:plan',
      'isp:sub-carla:secret',
      'isp:sub-diego:user',
    ]);
    expect(router.desired.map((d) => `${d.subscriberId} ${d.state} ${d.ipv4}`)).toEqual([
      'sub-ana active 10.20.1.10',
      'sub-bruno active 10.20.2.20',
      'sub-carla active 10.20.3.30',
      'sub-diego active 10.20.4.40',
    ]);
    expect(rows('/queue/simple').find((r) => r['comment'] === 'isp:sub-ana:queue')).toMatchObject({
      target: '10.20.1.10/32',
      'max-limit': '10000000/20000000',
    });
    expect(rows('/ip/firewall/address-list').filter((r) => r['comment']?.startsWith('isp:'))).toMatchObject([
      { list: 'isp-plan-plus-50', address: '10.20.2.20' },
    ]);
    // Nothing of Carla's suspension, cancellation or released IP is left; her secret and session are back.
    expect(rows('/ppp/secret')).toMatchObject([
      { name: 'carla.mendes', profile: 'isp-plus-50', 'remote-address': '10.20.3.30', disabled: 'false' },
    ]);
    expect(rows('/ppp/active')).toMatchObject([{ name: 'carla.mendes', profile: 'isp-plus-50' }]);
    expect(rows('/ip/hotspot/user')).toMatchObject([
      { name: 'diego', profile: 'isp-basic-20', disabled: 'false' },
    ]);
    const everything = JSON.stringify(menus);
    expect(everything).not.toContain('127.0.3.30');
    expect(rows('/ip/firewall/address-list').some((r) => r['list'] === 'morosos')).toBe(false);
  });

  it('is idempotent: running the last day again does nothing', () => {
    expect(demo.summary.rerunWasNoop).toBe(true);
  });

  it('never prints a password', () => {
    const summary = JSON.stringify(demo.summary);
    for (const secret of sampleSecrets()) {
      expect(text).not.toContain(secret);
      expect(summary).not.toContain(secret);
    }
    expect(text).toContain('password=***');
  });
});
