import { describe, expect, it } from 'vitest';
import { address, contractInput, plans } from '../../test/fixtures';
import { createContract } from './create-contract';

const item = (patch: Record<string, unknown>) => ({ ...contractInput().items[0], ...patch });
const account = (patch: Record<string, unknown>) =>
  item({ account: { ...contractInput().items[0]!.account, ...patch } });

describe('createContract', () => {
  it('builds an active contract with a created history entry and defaults', () => {
    const c = createContract(
      contractInput({
        items: [
          contractInput().items[0],
          { id: 'mail', kind: 'email', description: 'E-mail', amount: '5' },
          { id: 'disk', kind: 'virtual-disk', description: 'Disco virtual', amount: '10.00' },
          { id: 'inst', kind: 'one-off', description: 'Instalação', amount: '120.00', billOn: '2026-02' },
          { id: 'desc', kind: 'discount', description: 'Desconto fidelidade', amount: '5.00' },
        ],
        invoiceSettings: {
          closingDay: 1,
          dueDay: 10,
          billingAddress: { ...address, street: 'Av. Brasil' },
          earlyPaymentDiscount: '5.00',
          ladder: contractInput().invoiceSettings.ladder,
        },
      }),
      plans,
    )._unsafeUnwrap();
    expect(c.status).toBe('active');
    expect(c.history).toEqual([
      { date: '2026-01-05', event: 'created', reason: 'contract created', to: 'active' },
    ]);
    expect(c.items.map((i) => i.amount)).toEqual(['99.90', '5.00', '10.00', '120.00', '5.00']);
    expect(c.invoiceSettings).toMatchObject({
      exempt: false,
      issue: 'automatic',
      periodReference: 'due-date',
      finePercent: '2.00',
      interestPercentPerMonth: '1.00',
      firstInvoice: 'prorated',
      earlyPaymentDiscount: '5.00',
    });
    expect(c.invoiceSettings.billingAddress?.street).not.toBe(c.installationAddress.street);
    expect(c.installments).toEqual([
      { id: 'router', description: 'Router', total: '60.00', count: 3, startMonth: '2026-02' },
    ]);
  });

  it('takes the plan price when an internet item has no amount', () => {
    const { amount: _, ...noAmount } = contractInput().items[0]!;
    const c = createContract(
      contractInput({ items: [{ ...noAmount, planId: 'p50' }] }),
      plans,
    )._unsafeUnwrap();
    expect(c.items[0]?.amount).toBe('149.90');
  });

  it.each([
    [{ items: [item({ amount: '-10.00' })] }, 'NegativeAmount', 'items[0].amount'],
    [
      { items: [{ id: 'd', kind: 'discount', description: 'x', amount: '-5.00' }] },
      'NegativeAmount',
      'items[0].amount',
    ],
    [{ items: [item({ amount: 10 })] }, 'InvalidAmount', 'items[0].amount'],
    [{ items: [item({ amount: 'NaN' })] }, 'InvalidAmount', 'items[0].amount'],
    [{ items: [item({ planId: 'p999' })] }, 'UnknownPlan', 'items[0].planId'],
    [{ items: [item({ kind: 'telepathy' })] }, 'InvalidInput', 'items[0].kind'],
    [{ items: [account({ method: 'ovpn' })] }, 'UnknownMethod', 'items[0].account.method'],
    [{ items: [account({ ipv4: '10.0.1.300' })] }, 'InvalidIpAddress', 'items[0].account.ipv4'],
    [
      { items: [account({ method: 'simple-queue', ipv4: undefined })] },
      'InvalidIpAddress',
      'items[0].account.ipv4',
    ],
    [{ items: [account({ password: undefined })] }, 'MissingCredentials', 'items[0].account.password'],
    [{ items: [account({ macAddress: '00-11' })] }, 'InvalidMacAddress', 'items[0].account.macAddress'],
    [{ items: [item({}), item({})] }, 'DuplicateId', 'items[1].id'],
    [{ items: [item({}), item({ id: 'i2' })] }, 'DuplicateId', 'items.account.id'],
    [
      { installments: [{ id: 'x', description: 'x', total: '0.02', count: 3, startMonth: '2026-02' }] },
      'InvalidInput',
      'installments[0].count',
    ],
    [
      { installments: [{ id: 'x', description: 'x', total: '60.00', count: 3, startMonth: '2026-13' }] },
      'InvalidInput',
      'installments[0].startMonth',
    ],
    [
      {
        invoiceSettings: { closingDay: 1, dueDay: 10, ladder: { throttleAfterDays: 5, suspendAfterDays: 3 } },
      },
      'UnorderedLadder',
      'invoiceSettings.ladder.suspendAfterDays',
    ],
    [
      { invoiceSettings: { closingDay: 1, dueDay: 32, ladder: {} } },
      'InvalidInput',
      'invoiceSettings.dueDay',
    ],
    [
      { invoiceSettings: { closingDay: 1, dueDay: 10, finePercent: '-2', ladder: {} } },
      'NegativeAmount',
      'invoiceSettings.finePercent',
    ],
    [{ startDate: '2026-02-29' }, 'InvalidDate', 'startDate'],
    [
      { equipment: [{ id: 'e', description: 'ONU', loanedOn: '2026-02-01', returnedOn: '2026-01-01' }] },
      'InvalidInput',
      'equipment[0].returnedOn',
    ],
  ])('rejects %j', (patch, type, field) => {
    const e = createContract(contractInput(patch), plans)._unsafeUnwrapErr();
    expect(e).toMatchObject({ type, field });
    expect(JSON.stringify(e)).not.toContain('S3cret-pw');
  });

  it('never echoes the account password in an error', () => {
    const e = createContract(
      contractInput({ items: [account({ password: 'S3cret-pw\u0000' })] }),
      plans,
    )._unsafeUnwrapErr();
    expect(e).toMatchObject({ type: 'InvalidInput', field: 'items[0].account.password' });
    expect(JSON.stringify(e)).not.toContain('S3cret');
  });

  it('rejects __proto__ keys anywhere', () => {
    const polluted = JSON.parse(JSON.stringify(contractInput()));
    polluted.items[0].account = JSON.parse(
      `{"__proto__": {"x": 1}, ${JSON.stringify(polluted.items[0].account).slice(1)}`,
    );
    expect(createContract(polluted, plans)._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidInput',
      field: 'items[0].account.__proto__',
    });
  });
});
