// Every exported function of @isp/contracts under generated input, valid and invalid (see test-support/fuzz-harness.ts).
import fc from 'fast-check';
import { okAsync } from 'neverthrow';
import { expect } from 'vitest';
import {
  controlString,
  describeFuzzSuite,
  type FuzzCase,
  type FuzzTable,
  oversized,
  pollutingObject,
} from '../../../../test-support/fuzz-harness';
import * as api from '../../src/index';
import {
  createFixedHolidayCalendar,
  createInMemoryAccessNetwork,
  createRecordingNotifier,
  desiredAccessWithBadMethod,
  invalidTaxId,
  stringWithControlCharacter,
  unorderedLadder,
  validCnpj,
  validCpf,
  validCustomer,
  validDesiredAccess,
  validLadder,
  validPlan,
  withProtoKey,
} from '../../src/testing/index';
import { dateIn, type World, world } from './world';

const PKG = '@isp/contracts';
const ERROR_TYPES: ReadonlySet<string> = new Set<string>([
  'InvalidInput',
  'InvalidAmount',
  'NegativeAmount',
  'InvalidDate',
  'InvalidTaxId',
  'InvalidIpAddress',
  'InvalidMacAddress',
  'UnknownPlan',
  'UnknownMethod',
  'MissingCredentials',
  'DuplicateId',
  'UnorderedLadder',
  'LadderViolatesJurisdiction',
  'IllegalTransition',
  'PromiseNotAllowed',
  'PromiseLimitReached',
  'WeakPassword',
  'InvalidPasswordHash',
  'ContractNotCancelled',
  'ContractAlreadyCancelled',
  'InvoiceMismatch',
  'ManualIpRequired',
  'NoFreeIp',
  'PendingInvoicesRemain',
  'BillingFailed',
  // AccessNetworkError (validateDesiredAccess)
  'InvalidDesiredAccess',
  'UnsafeWrite',
]);

const calendar = createFixedHolidayCalendar(['2026-01-01', '2026-04-21', '2026-12-25']);
const FAST_SCRYPT = { N: 16, r: 1, p: 1 };
const fixedSalt = (n: number): Uint8Array => new Uint8Array(n).fill(7);
const hostileString = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    oversized(),
    controlString(),
    stringWithControlCharacter(),
    fc.constantFrom('', '__proto__', null, 7),
  );
const status = (): fc.Arbitrary<string> => fc.constantFrom(...api.CONTRACT_STATUSES);
const W = world();
const withDate = <T>(f: (w: World, date: string) => fc.Arbitrary<T>): fc.Arbitrary<T> =>
  W.chain((w) => dateIn(w).chain((d) => f(w, d)));
const evaluation = (w: World, date: string): api.LadderEvaluation =>
  api.evaluateLadder(w.contract, w.invoices, date, { calendar })._unsafeUnwrap();
const strings2 = fc.tuple(fc.stringMatching(/^[a-z.[\]0-9]{1,20}$/), fc.string({ maxLength: 40 }));
/** An error constructor `(field, message)`. */
const simpleError: FuzzCase = { returns: 'value', valid: strings2, trusted: true };

const UNORDERED = unorderedLadder();
const NEGATIVE_ITEM = fc.constantFrom('email', 'one-off', 'discount', 'virtual-disk').chain((kind) =>
  fc.constantFrom('-1.00', '-0.01', '-99.90').map((amount) => ({
    id: 'negative',
    kind,
    description: 'x',
    amount,
    billOn: '2026-01',
  })),
);
const DESIRED_ANY_METHOD = fc.oneof(
  validDesiredAccess(),
  ...api.ACCESS_METHODS.map((m) => validDesiredAccess(m)),
);

const table: FuzzTable<typeof api> = {
  accessStateOf: { returns: 'value', valid: W.map((w) => [w.contract]), trusted: true },
  addDays: {
    returns: 'value',
    valid: W.chain((w) => fc.tuple(dateIn(w), fc.integer({ min: -10_000, max: 10_000 }))),
    invalid: fc.tuple(fc.constantFrom('2025-02-30', 'x', '', '1899-12-31'), fc.integer()),
    trusted: true,
    check: (out) => expect(out).toMatch(/^\d{4}-\d{2}-\d{2}$/),
  },
  appendHistory: {
    returns: 'value',
    valid: withDate((w, date) =>
      fc.tuple(
        fc.constant(w.contract),
        fc.constant([{ date, from: 'active', to: 'active', reason: 'note' }]),
      ),
    ),
    trusted: true,
  },
  applyLadder: {
    returns: 'result',
    valid: withDate((w, date) => fc.constant([w.contract, evaluation(w, date)])),
    trusted: true,
  },
  applyRun: {
    returns: 'result',
    valid: withDate((w, date) =>
      fc.constant([
        api
          .planRun({ date, contracts: [w.contract], invoicesOf: () => w.invoices, plans: w.plans, calendar })
          ._unsafeUnwrap(),
        {
          network: createInMemoryAccessNetwork({ routers: [{ routerId: 'r1' }] }),
          notifier: createRecordingNotifier(),
        },
      ]),
    ),
    invalid: withDate((w, date) =>
      fc.constant([
        api
          .planRun({ date, contracts: [w.contract], invoicesOf: () => w.invoices, plans: w.plans, calendar })
          ._unsafeUnwrap(),
        {
          network: {
            sync: () => {
              throw new Error('router down');
            },
            reconcile: () => okAsync(undefined),
          },
          notifier: {
            notify: () => {
              throw new Error('smtp down');
            },
          },
        },
      ]),
    ),
    json: false,
    trusted: true,
  },
  billingFailed: {
    returns: 'value',
    valid: fc.tuple(fc.string({ maxLength: 20 }), fc.record({ type: fc.string(), message: fc.string() })),
    trusted: true,
  },
  canTransition: { returns: 'value', valid: fc.tuple(status(), status()) },
  cancelContract: {
    returns: 'result',
    valid: withDate((w, date) =>
      fc.tuple(
        fc.constant(w.contract),
        fc.constant(w.invoices),
        fc.record(
          {
            date: fc.constant(date),
            reason: fc.constantFrom('moved away', 'unpaid'),
            cancelPendingInvoices: fc.boolean(),
            network: fc.constantFrom('none', 'release-ip', 'keep-ip-and-suspend'),
            taken: fc.constant(new Set<string>(['127.0.0.10'])),
            plans: fc.constant(w.plans),
          },
          { requiredKeys: ['date', 'reason', 'plans'] },
        ),
      ),
    ),
    json: false,
    trusted: true,
  },
  cancelContracts: {
    returns: 'value',
    valid: withDate((w, date) =>
      fc.constant([
        [{ contract: w.contract, invoices: w.invoices }],
        { date, reason: 'bulk', network: 'release-ip', taken: new Set<string>(), plans: w.plans },
      ]),
    ),
    json: false,
    trusted: true,
  },
  contractAlreadyCancelled: simpleError,
  contractBillingOf: { returns: 'value', valid: W.map((w) => [w.contract]), trusted: true },
  contractNotCancelled: simpleError,
  createContract: {
    returns: 'result',
    valid: W.map((w) => [w.input, w.plans]),
    // Arbitraries are built once (building them for each world is slow); the world comes in through map.
    invalid: fc
      .tuple(
        W,
        fc.oneof(
          NEGATIVE_ITEM.map((item) => (input: Record<string, unknown>) => ({
            ...input,
            items: [...(input['items'] as unknown[]), item],
          })),
          pollutingObject().map((p) => (input: Record<string, unknown>) => Object.assign(p, input)),
          hostileString().map((id) => (input: Record<string, unknown>) => ({ ...input, id })),
          UNORDERED.map((ladder) => (input: Record<string, unknown>) => ({
            ...input,
            invoiceSettings: { closingDay: 1, dueDay: 10, ladder },
          })),
          fc.constantFrom(0, 32).map((dueDay) => (input: Record<string, unknown>) => ({
            ...input,
            invoiceSettings: { closingDay: 1, dueDay },
          })),
        ),
      )
      .map(([w, spoil]) => [spoil(w.input), w.plans]),
    json: false,
    trusted: true,
  },
  createCustomer: {
    returns: 'result',
    valid: fc.tuple(
      validCustomer().chain((c) =>
        fc.oneof(
          fc.constant(c),
          fc.constant({ ...c, portal: { username: 'maria.silva', password: 'S3cr3t-portal-pw' } }),
        ),
      ),
      fc.constant({ parameters: FAST_SCRYPT, salt: fixedSalt }),
    ),
    invalid: fc.tuple(
      fc.oneof(
        validCustomer().chain((c) => invalidTaxId().map((taxId) => ({ ...c, taxId }))),
        validCustomer().chain((c) => withProtoKey(c)),
        validCustomer().chain((c) => hostileString().map((name) => ({ ...c, name }))),
      ),
      fc.constant({ parameters: FAST_SCRYPT }),
    ),
  },
  createPlan: {
    returns: 'result',
    valid: fc.tuple(validPlan()),
    invalid: fc.tuple(
      validPlan().chain((p) =>
        fc.oneof(
          fc.constantFrom('-1.00', '1e3', 'NaN', '').map((price) => ({ ...p, price })),
          withProtoKey(p),
          fc.constant({ ...p, throttledRate: { uploadBps: 2e9, downloadBps: 2e9 } }),
        ),
      ),
    ),
  },
  createPlanCatalog: {
    returns: 'result',
    json: false,
    valid: fc.tuple(fc.uniqueArray(validPlan(), { maxLength: 4, selector: (p) => p['id'] })),
    invalid: fc.tuple(validPlan('dup').map((p) => [p, p])),
  },
  desiredAccessOf: {
    returns: 'result',
    valid: W.map((w) => [w.contract, w.plans]),
    invalid: W.map((w) => [w.contract, new Map()]),
    trusted: true,
  },
  desiredNetworkState: {
    returns: 'value',
    json: false,
    valid: fc.array(W, { minLength: 1, maxLength: 3 }).map((ws) => [ws.map((w) => w.contract), ws[0]!.plans]),
    trusted: true,
  },
  duplicateId: simpleError,
  effectiveDueEpochDay: {
    returns: 'value',
    valid: fc.tuple(fc.integer({ min: 0, max: 60_000 }), fc.constant(calendar)),
    trusted: true,
  },
  equipmentOut: { returns: 'value', valid: W.map((w) => [w.contract]), trusted: true },
  evaluateLadder: {
    returns: 'result',
    valid: withDate((w, date) =>
      fc.tuple(
        fc.constant(w.contract),
        fc.constant(w.invoices),
        fc.constant(date),
        fc.record(
          {
            calendar: fc.constant(calendar),
            ladder: validLadder(),
            lateFrom: fc.constantFrom('effective-due-date' as const, 'original-due-date' as const),
          },
          { requiredKeys: ['calendar'] },
        ),
      ),
    ),
    invalid: W.chain((w) =>
      fc.tuple(
        fc.constant(w.contract),
        fc.constant(w.invoices),
        fc.constantFrom('2026-02-30', '2026-13-01', 'today'),
        fc.record({ calendar: fc.constant(calendar), ladder: unorderedLadder() }),
      ),
    ),
    trusted: true,
  },
  extrasFor: {
    returns: 'value',
    valid: withDate((w, date) => fc.constant([w.contract, date.slice(0, 7)])),
    trusted: true,
  },
  formatTaxId: {
    returns: 'value',
    valid: fc.oneof(validCpf(), validCnpj()).map((v) => [api.parseTaxId(v)._unsafeUnwrap()]),
    trusted: true,
  },
  fromIpPolicy: {
    returns: 'value',
    valid: fc.tuple(
      fc.constant('accounts[0].ipv4'),
      fc.constant('10.0.0.1'),
      fc.record({
        type: fc.constantFrom('ReleaseTargetsTaken', 'NoMatchingRule', 'PoolExhausted', 'InvalidIp'),
        message: fc.string(),
      }),
    ),
    trusted: true,
  },
  grantPaymentPromise: {
    returns: 'result',
    valid: withDate((w, date) =>
      fc.tuple(
        fc.constant(w.contract),
        fc.integer({ min: 0, max: 10 }).map((n) => ({ date, until: api.addDays(date, n) })),
        fc.option(
          fc.record({
            maxUses: fc.integer({ min: 0, max: 3 }),
            periodDays: fc.integer({ min: 1, max: 60 }),
            maxDays: fc.integer({ min: 1, max: 15 }),
          }),
          { nil: undefined },
        ),
      ),
    ),
    invalid: W.map((w) => [w.contract, { date: '2026-02-30', until: '2026-01-01' }, { maxUses: -1 }]),
    trusted: true,
  },
  hashPortalPassword: {
    returns: 'result',
    // The third argument is the caller's own label for the field, not input.
    invoke: ([password, options]) => api.hashPortalPassword(password, options as api.HashPasswordOptions),
    valid: fc.tuple(
      fc.stringMatching(/^[A-Za-z0-9!#%&*+=?@^_-]{8,40}$/),
      fc.constant({ parameters: FAST_SCRYPT, salt: fixedSalt }),
    ),
    invalid: fc.tuple(
      fc.oneof(fc.string({ maxLength: 7 }), oversized()),
      fc.record({
        parameters: fc.record({
          N: fc.constantFrom(3, 0, 2 ** 21, Number.NaN),
          r: fc.constant(1),
          p: fc.constant(1),
        }),
      }),
    ),
  },
  illegalTransition: {
    returns: 'value',
    valid: fc.tuple(status(), status(), fc.option(fc.constant('status'), { nil: undefined })),
    trusted: true,
  },
  internetItemsOf: { returns: 'value', valid: W.map((w) => [w.contract]), trusted: true },
  invalidAmount: simpleError,
  invalidDate: simpleError,
  invalidInput: simpleError,
  invalidIpAddress: simpleError,
  invalidMacAddress: simpleError,
  invalidPasswordHash: simpleError,
  invalidTaxId: {
    returns: 'value',
    valid: fc.tuple(fc.string(), fc.constantFrom('cpf', 'cnpj', 'unknown'), fc.string()),
    trusted: true,
  },
  invoiceMismatch: simpleError,
  isUnpaid: { returns: 'value', valid: W.map((w) => [w.invoices[0] ?? { status: 'open' }]), trusted: true },
  ladderViolatesJurisdiction: {
    returns: 'value',
    valid: fc.tuple(fc.constantFrom('generic', 'br-consumer'), fc.constant([])),
    trusted: true,
  },
  ladderWarnings: { returns: 'value', valid: fc.tuple(validLadder()), trusted: true },
  manualIpRequired: {
    returns: 'value',
    valid: fc.tuple(fc.string(), fc.string(), fc.string()),
    trusted: true,
  },
  missingCredentials: simpleError,
  negativeAmount: simpleError,
  noFreeIp: simpleError,
  noticeKey: {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(
      fc.stringMatching(/^[a-z0-9-]{1,12}$/),
      fc.option(fc.stringMatching(/^inv-[a-z0-9]{1,8}$/), { nil: null }),
      fc.constantFrom('overdue-notice', 'throttled', 'suspended', 'cancelled'),
      fc.option(fc.constantFrom('2026-06-22', '2024-02-29'), { nil: undefined }),
    ),
    check: (out, [contractId]) => expect((out as string).startsWith(`${contractId as string}:`)).toBe(true),
  },
  parseTaxId: {
    returns: 'result',
    valid: fc.tuple(fc.oneof(validCpf(), validCnpj()), fc.constantFrom(undefined, 'taxId')),
    invalid: fc.tuple(fc.oneof(invalidTaxId(), hostileString())),
    invoke: ([value, field]) =>
      api.parseTaxId(
        value,
        typeof field === 'string' && field.length > 0 && field.length < 64 ? field : undefined,
      ),
  },
  pendingInvoicesRemain: { returns: 'value', valid: fc.tuple(fc.array(fc.string())), trusted: true },
  planRun: {
    returns: 'result',
    json: false,
    valid: withDate((w, date) =>
      fc.tuple(
        fc.record(
          {
            date: fc.constant(date),
            contracts: fc.constant([w.contract]),
            invoicesOf: fc.constant(() => w.invoices),
            plans: fc.constant(w.plans),
            calendar: fc.constant(calendar),
            issueInvoices: fc.boolean(),
          },
          { requiredKeys: ['date', 'contracts', 'invoicesOf', 'plans', 'calendar'] },
        ),
      ),
    ),
    invalid: W.map((w) => [
      {
        date: '2026-02-30',
        contracts: [w.contract],
        invoicesOf: () => {
          throw new Error('database down');
        },
        plans: w.plans,
        calendar,
      },
    ]),
    trusted: true,
  },
  promiseLimitReached: {
    returns: 'value',
    valid: fc.tuple(fc.nat(), fc.nat()),
    trusted: true,
  },
  promiseNotAllowed: simpleError,
  reactivateContract: {
    returns: 'result',
    json: false,
    valid: withDate((w, date) => {
      const cancelled = api.cancelContract(w.contract, w.invoices, {
        date,
        reason: 'unpaid',
        network: 'release-ip',
        taken: new Set<string>(),
        plans: w.plans,
      });
      const contract = cancelled.isOk() ? cancelled.value.contract : w.contract;
      return fc.tuple(
        fc.constant(contract),
        fc.constant(w.invoices),
        fc.record(
          {
            date: fc.constant(date),
            pools: fc.constantFrom(['10.0.0.0/16'], '10.0.0.0/16'),
            taken: fc.constant(new Set<string>()),
            plans: fc.constant(w.plans),
            settle: fc.constant(
              w.invoices.length > 0 ? { kind: 'merge' as const, nextInvoice: w.invoices.at(-1)! } : undefined,
            ),
          },
          { requiredKeys: ['date', 'pools', 'taken', 'plans'] },
        ),
      );
    }),
    trusted: true,
  },
  readAddress: {
    returns: 'result',
    valid: W.map((w) => [w.contract.installationAddress, 'address']),
    invalid: fc.tuple(
      fc.record({
        street: hostileString(),
        number: fc.constant('1'),
        city: hostileString(),
        country: fc.constant('BR'),
      }),
      fc.constant('address'),
    ),
    invoke: ([value, field]) =>
      api.readAddress(
        value,
        typeof field === 'string' && field.length > 0 && field.length < 64 ? field : 'address',
      ),
  },
  readInvoiceSettings: {
    returns: 'result',
    valid: W.map((w) => [w.contract.invoiceSettings]),
    invalid: fc.tuple(
      fc.record({
        closingDay: fc.constantFrom(0, 32, 1.5, '1'),
        dueDay: fc.constantFrom(0, 32, -1),
        ladder: unorderedLadder(),
      }),
    ),
    invoke: ([value]) => api.readInvoiceSettings(value),
  },
  readIpv4: {
    returns: 'result',
    valid: fc.tuple(
      fc.integer({ min: 1, max: 254 }).map((n) => `10.0.0.${n}`),
      fc.constant('ip'),
    ),
    invalid: fc.tuple(
      fc.constantFrom('::1', '10.0.0.256', '010.0.0.1', '10.0.0.1/24', '2001:db8::1'),
      fc.constant('ip'),
    ),
    invoke: ([value, field]) =>
      api.readIpv4(value, typeof field === 'string' && field.length > 0 && field.length < 64 ? field : 'ip'),
  },
  recordNotice: {
    returns: 'result',
    valid: withDate((w, date) => fc.constant([w.contract, w.invoices.map((i) => i.id), date])),
    invalid: W.map((w) => [w.contract, ['x'], '2026-02-30']),
    trusted: true,
  },
  renderAccessPlan: {
    returns: 'value',
    valid: fc.array(validDesiredAccess(), { maxLength: 4 }).map((ds) => [
      {
        routerId: 'r1',
        unchanged: [],
        changes: ds.map((d) => ({
          subscriberId: d.subscriberId,
          operation: 'create',
          target: 'in-memory',
          key: d.subscriberId,
          fields: { method: d.method, state: d.state, address: d.ipv4 },
          reason: 'missing',
        })),
      },
    ]),
    trusted: true,
  },
  setPortalPassword: {
    returns: 'result',
    valid: fc.tuple(
      validCustomer().map((c) => api.createCustomer(c)._unsafeUnwrap()),
      fc.stringMatching(/^[a-z][a-z0-9._-]{2,15}$/),
      fc.stringMatching(/^[A-Za-z0-9!#%&*+=?@^_-]{8,24}$/),
      fc.constant({ parameters: FAST_SCRYPT, salt: fixedSalt }),
    ),
    invalid: fc.tuple(
      validCustomer().map((c) => api.createCustomer(c)._unsafeUnwrap()),
      hostileString(),
      fc.oneof(fc.string({ maxLength: 7 }), hostileString()),
      fc.constant({ parameters: FAST_SCRYPT }),
    ),
    trusted: true,
  },
  suspensionPeriods: { returns: 'value', valid: W.map((w) => [w.contract]), trusted: true },
  transitionContract: {
    returns: 'result',
    valid: withDate((w, date) =>
      fc.tuple(fc.constant(w.contract), status(), fc.constant({ date, reason: 'operator' })),
    ),
    invalid: W.chain((w) =>
      fc.tuple(
        fc.constant(w.contract),
        fc.constantFrom('gone', '__proto__', ''),
        fc.record({ date: fc.constant('x'), reason: hostileString() }),
      ),
    ),
    trusted: true,
  },
  unknownMethod: simpleError,
  unknownPlan: { returns: 'value', valid: fc.tuple(fc.string(), fc.string()), trusted: true },
  unorderedLadder: simpleError,
  validateDesiredAccess: {
    returns: 'result',
    valid: fc.tuple(DESIRED_ANY_METHOD, fc.constant({ customerNetworks: ['10.0.0.0/16'], routerId: 'r1' })),
    invalid: fc.tuple(
      fc.oneof(
        desiredAccessWithBadMethod(),
        validDesiredAccess().map((d) => ({ ...d, ipv4: '2001:db8::1' })),
        validDesiredAccess().map((d) => ({ ...d, routerId: 'r2' })),
        validDesiredAccess().chain((d) => withProtoKey(d as unknown as Record<string, unknown>)),
      ),
      fc.constant({ customerNetworks: ['10.0.0.0/16'], routerId: 'r1' }),
    ),
    fieldOptional: ['UnsafeWrite'],
    invoke: ([value, options]) =>
      api.validateDesiredAccess(
        value,
        typeof options === 'object' && options !== null
          ? (options as api.ValidateDesiredAccessOptions)
          : undefined,
      ),
  },
  validateLadder: {
    returns: 'result',
    valid: fc.tuple(validLadder()),
    invalid: fc.tuple(fc.oneof(unorderedLadder(), pollutingObject(), fc.constant({ suspendAfterDays: 0 }))),
    invoke: ([value]) => api.validateLadder(value),
  },
  validateLadderForJurisdiction: {
    returns: 'result',
    valid: fc.tuple(
      validLadder(),
      fc.constantFrom('generic' as const, 'br-consumer' as const),
      fc.record({ regime: fc.constantFrom('rgc-2023' as const, 'rgc-2014' as const) }, { requiredKeys: [] }),
    ),
    invalid: fc.tuple(unorderedLadder(), fc.constantFrom('mars', '__proto__', 'br-consumer')),
  },
  verifyPortalPassword: {
    returns: 'result',
    valid: fc
      .stringMatching(/^[A-Za-z0-9!#%&*+=?@^_-]{8,24}$/)
      .chain((pw) =>
        fc.tuple(
          fc.constantFrom(pw, `${pw}x`),
          fc.constant(
            api.hashPortalPassword(pw, { parameters: FAST_SCRYPT, salt: fixedSalt })._unsafeUnwrap(),
          ),
        ),
      ),
    invalid: fc.tuple(
      fc.constant('correct-horse'),
      fc.oneof(
        fc.constantFrom(
          'scrypt$1048576$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          'scrypt$1048576$32$16$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          'scrypt$16$1$1$$',
          'bcrypt$2a$10$abc',
          'scrypt$16$1$1',
        ),
        hostileString(),
      ),
    ),
  },
  weakPassword: simpleError,
};

describeFuzzSuite(PKG, api, table, ERROR_TYPES);
