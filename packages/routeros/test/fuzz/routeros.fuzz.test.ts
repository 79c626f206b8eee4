// Every exported function of @isp/routeros under generated input (see test-support/fuzz-harness.ts). The pure pieces —
// normalisers of printed values, the planner, guards, descriptors — get strings and rows a hostile router
// could print; the network pieces are driven through an in-memory connection, never a socket. Functions that
// take a value the package built (a PlanningConfig, a Change, a descriptor) are `trusted`.

import type { AccessMethod, AccessNetworkError, AccessPlan, DesiredAccess, RatePair } from '@isp/contracts';
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  describeFuzzSuite,
  type FuzzCase,
  type FuzzTable,
  hostileValue,
} from '../../../../test-support/fuzz-harness';
import * as api from '../../src/index';
import {
  desiredAccessSetArbitrary,
  hostileRowArbitrary,
  hostileValueArbitrary,
  SAMPLE_PLANS,
} from '../../src/testing/index';
import { hostileSnapshot, snapshotConnection } from './hostile-router';

const PKG = '@isp/routeros';
const ERROR_TYPES: ReadonlySet<string> = new Set([
  'RouterUnknown',
  'RouterUnreachable',
  'RouterAuthFailed',
  'RouterTimeout',
  'RouterTrap',
  'ConnectionLost',
  'ProtocolError',
  'UnsafeWrite',
  'InvalidDesiredAccess',
  'AdoptionRefused',
  'InvalidAdapterOptions',
]);
/** Router-wide errors name a router, not a field. */
const NO_FIELD = [
  'RouterUnknown',
  'RouterUnreachable',
  'RouterAuthFailed',
  'RouterTimeout',
  'RouterTrap',
  'ConnectionLost',
  'ProtocolError',
  'UnsafeWrite',
  'AdoptionRefused',
];

const CONFIG = api.resolvePlanningConfig({ notice: { address: '10.0.255.10' } });
const printed = (): fc.Arbitrary<string> => hostileValueArbitrary();
const menu = (): fc.Arbitrary<api.ResourceDescriptor> => fc.constantFrom(...api.ALL_MENUS);
const path = (): fc.Arbitrary<string> => fc.constantFrom(...api.ALL_MENUS.map((m) => m.path));
const ids = (): fc.Arbitrary<string> => fc.constantFrom('r1', 'pop-centro');
const rates = (): fc.Arbitrary<RatePair> =>
  fc.record({
    uploadBps: fc.integer({ min: 1, max: 10_000_000_000 }),
    downloadBps: fc.integer({ min: 1, max: 10_000_000_000 }),
  });
/** Desired access a caller sends (valid sets, plus garbage entries that must become per-subscriber failures). */
const desired = (): fc.Arbitrary<unknown[]> =>
  fc
    .tuple(
      desiredAccessSetArbitrary({ routerId: 'r1', maxSubscribers: 5 }),
      fc.array(fc.oneof(hostileValue(), fc.record({ subscriberId: fc.string(), method: printed() })), {
        maxLength: 2,
      }),
    )
    .map(([valid, junk]) => [...valid, ...junk]);
const planning = (): fc.Arbitrary<api.AccessPlanning> =>
  fc
    .tuple(desired(), hostileSnapshot(), fc.constantFrom('sync' as const, 'reconcile' as const))
    .map(([d, snapshot, mode]) =>
      api.planAccess({
        routerId: 'r1',
        mode,
        desired: d,
        snapshot,
        config: CONFIG,
        customerNetworks: ['10.0.0.0/16'],
      }),
    );
const changes = (): fc.Arbitrary<readonly api.Change[]> => planning().map((p) => p.result.changes);
const insideTen = (ip: string): boolean => ip.startsWith('10.0.');
const routerWords = (): fc.Arbitrary<string[]> =>
  fc
    .tuple(path(), fc.constantFrom('print', 'add', 'set', 'remove'), fc.array(printed(), { maxLength: 3 }))
    .map(([p, c, rest]) => [`${p}/${c}`, ...rest.map((r) => `=x=${r}`)]);
/** Router error constructors: `(routerId, message)`-like string arguments. */
const stringsError = (n: number): FuzzCase => ({
  returns: 'value',
  trusted: true,
  valid: fc.array(fc.string({ maxLength: 300 }), { minLength: n, maxLength: n }),
  check: (out) => expect(typeof (out as { message: string }).message).toBe('string'),
});
/** A normaliser of printed values: any string from a router gives JSON-safe data, never a throw. */
const printedValue: FuzzCase = { returns: 'value', trusted: true, valid: fc.tuple(printed()) };

/** `menuOf` throws for a path no descriptor has: paths come from the package's own descriptors. */
const unknownMenu = (e: unknown): boolean => /^unknown menu /.test((e as Error).message ?? '');

const table: FuzzTable<typeof api> = {
  addressListKey: { returns: 'value', trusted: true, valid: fc.tuple(printed(), printed()) },
  adoptionRefused: stringsError(3),
  applyChanges: {
    programmerError: unknownMenu,
    returns: 'value',
    json: false,
    trusted: true,
    invoke: async ([snapshot, list]) => {
      const connection = snapshotConnection(snapshot as api.Snapshot);
      const result = await api.applyChanges(
        {
          routerId: 'r1',
          prefix: 'isp',
          connection,
          snapshot: snapshot as api.Snapshot,
          window: 4,
          inCustomerNetworks: insideTen,
          counters: api.emptyCounters(),
          onProgress: () => undefined,
        },
        list as api.Change[],
      );
      return { result, sent: connection.sent };
    },
    valid: fc.tuple(desired(), hostileSnapshot()).map(([d, snapshot]) => [
      snapshot,
      api.planAccess({
        routerId: 'r1',
        mode: 'reconcile',
        desired: d,
        snapshot,
        config: CONFIG,
        customerNetworks: ['10.0.0.0/16'],
      }).result.changes,
    ]),
    // X2: nothing the applier sends updates or removes a row without our marker.
    check: (out, [snapshot]) => {
      const { sent } = out as { sent: string[][] };
      for (const words of sent) {
        const [command = ''] = words;
        if (!command.endsWith('/set') && !command.endsWith('/remove')) continue;
        const p = command.slice(0, command.lastIndexOf('/'));
        const id = words.find((w) => w.startsWith('=.id='))?.slice(5);
        const row = api.rowsOf(snapshot as api.Snapshot, p).find((r) => r['.id'] === id);
        if (p.endsWith('/active') || p.endsWith('/cookie')) continue;
        expect(row !== undefined && api.isOwnedRow(p, row, 'isp')).toBe(true);
      }
    },
  },
  changeWords: {
    returns: 'value',
    trusted: true,
    programmerError: unknownMenu,
    valid: changes()
      .map((c) => c.slice(0, 1))
      .filter((c) => c.length > 0),
  },
  checkWrite: {
    programmerError: unknownMenu,
    returns: 'value',
    trusted: true,
    valid: fc.tuple(hostileSnapshot(), desired()).map(([snapshot, d]) => {
      const p = api.planAccess({
        routerId: 'r1',
        mode: 'reconcile',
        desired: d,
        snapshot,
        config: CONFIG,
        customerNetworks: ['10.0.0.0/16'],
      });
      return [
        p.result.changes[0] ?? {
          subscriberId: null,
          operation: 'remove',
          path: '/queue/simple',
          key: 'k',
          fields: {},
          secretFields: [],
          reason: 'x',
          phase: 1,
        },
        snapshot,
        { routerId: 'r1', prefix: 'isp', inCustomerNetworks: insideTen },
      ];
    }),
  },
  classifyTrap: printedValue,
  commandKind: printedValue,
  connectionLost: stringsError(2),
  countingConnection: {
    returns: 'value',
    trusted: true,
    invoke: async ([snapshot, words]) => {
      const counters = api.emptyCounters();
      const connection = api.countingConnection(snapshotConnection(snapshot as api.Snapshot), counters);
      const reply = await connection.command(words as string[]);
      return { ok: reply.isOk(), counters };
    },
    valid: fc.tuple(hostileSnapshot(), routerWords()),
  },
  createApiConnection: {
    returns: 'value',
    json: false,
    trusted: true,
    // Never dials: the connection is created and closed without a command, and may only dial 127.0.0.1.
    invoke: async ([options]) => {
      const o = {
        ...(options as object),
        allowedHosts: ['127.0.0.1'],
      } as unknown as api.ApiConnectionOptions;
      const connection = api.createApiConnection(o);
      await connection.close();
      return connection.routerId;
    },
    valid: fc.tuple(
      fc.record({
        routerId: ids(),
        settings: fc.record({
          host: fc.constant('127.0.0.1'),
          port: fc.constant(1),
          user: fc.constant('api'),
          password: fc.constant('S3cr3t-router'),
        }),
      }),
    ),
  },
  createWindowController: {
    returns: 'value',
    // Settings are fuzzed; the controller is driven through a short exchange and its state returned.
    invoke: ([settings]) => {
      const controller = api.createWindowController(settings as api.WindowSettings);
      const first = controller.sent(0);
      const second = controller.sent(1);
      controller.settled(first, { type: 'reply', sample: true }, 80);
      controller.settled(second, { type: 'timeout' }, 15_000);
      controller.settled(controller.sent(15_000), { type: 'trap' }, 15_050);
      return controller.state();
    },
    check: (output) => {
      const state = output as api.WindowState;
      expect(Number.isInteger(state.size) && state.size >= 1).toBe(true);
    },
    valid: fc.tuple(
      fc.record(
        {
          initial: fc.integer({ min: 1, max: 512 }),
          min: fc.integer({ min: 1, max: 16 }),
          max: fc.integer({ min: 1, max: 512 }),
          growBelow: fc.integer({ min: 0, max: 64 }),
          shrinkAbove: fc.integer({ min: 0, max: 64 }),
          latencyLimitMs: fc.integer({ min: 1, max: 60_000 }),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  createOwnership: {
    returns: 'value',
    json: false,
    trusted: true,
    valid: fc.tuple(fc.constantFrom(undefined, 'isp', 'acme')),
  },
  createRouterOsAccessNetwork: {
    returns: 'result',
    json: false,
    fieldOptional: NO_FIELD,
    // Options are fuzzed; the adapter is created and closed without a call, and may only dial 127.0.0.1.
    invoke: async ([options]) => {
      const o =
        typeof options === 'object' && options !== null
          ? ({
              ...(options as object),
              allowedHosts: ['127.0.0.1'],
            } as unknown as api.RouterOsAccessNetworkOptions)
          : (options as api.RouterOsAccessNetworkOptions);
      const made = api.createRouterOsAccessNetwork(o);
      if (made.isOk()) await made.value.close();
      return made.map(() => 'created');
    },
    valid: fc.tuple(
      fc.record(
        {
          routers: fc.constant({
            r1: { connection: { host: '127.0.0.1', port: 1, user: 'api', password: 'S3cr3t-router' } },
          }),
          customerNetworks: fc.constantFrom(['10.0.0.0/16'], ['10.20.0.0/16', '10.30.0.0/16']),
          suspensionList: fc.constantFrom('morosos', 'suspended'),
          pppoeSuspension: fc.constantFrom('profile' as const, 'disable' as const),
          notice: fc.constant({ address: '10.0.255.10' }),
          prefix: fc.constantFrom('isp', 'acme'),
          transport: fc.record({
            callTimeoutMs: fc.integer({ min: 100, max: 20_000 }),
            maxInFlight: fc.integer({ min: 1, max: 32 }),
          }),
        },
        { requiredKeys: ['routers', 'customerNetworks'] },
      ),
    ),
    invalid: fc.tuple(
      fc.record({
        routers: fc.oneof(hostileValue(), fc.constant({ r1: { connection: { host: '::1', user: 7 } } })),
        customerNetworks: fc.constantFrom(['0.0.0.0/0'], ['10.0.0.0/8', '10.1.0.0/16'], 'x', [42]),
        prefix: fc.constantFrom('', 'a b', 'x'.repeat(200)),
      }),
    ),
  },
  differingFields: {
    programmerError: unknownMenu,
    returns: 'value',
    trusted: true,
    valid: fc.tuple(
      menu(),
      fc.dictionary(fc.constantFrom('name', 'max-limit', 'target', 'comment', 'disabled'), printed()),
      hostileRowArbitrary(),
    ),
  },
  discoverAccounts: {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(ids(), hostileSnapshot(), fc.constant(CONFIG)),
    // Discovered accounts never carry a password.
    check: (out) => expect(JSON.stringify(out)).not.toMatch(/"password"/),
  },
  emptyCounters: { returns: 'value', valid: fc.constant([]) },
  emptySnapshot: { returns: 'value', json: false, valid: fc.constant([]) },
  formatBits: {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(fc.integer({ min: 0, max: 100_000_000_000 })),
  },
  formatRatePair: { returns: 'value', trusted: true, valid: fc.tuple(rates()) },
  hostTarget: { returns: 'value', trusted: true, valid: fc.tuple(printed()) },
  invalidDesiredAccess: stringsError(3),
  isOwnedRow: {
    returns: 'value',
    trusted: true,
    programmerError: unknownMenu,
    valid: fc.tuple(path(), hostileRowArbitrary(), fc.constantFrom('isp', 'acme')),
  },
  isRouterWideError: {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(
      fc.constantFrom(
        api.routerUnknown('r1'),
        api.invalidDesiredAccess('s', 'f', 'm'),
        api.routerAuthFailed('r1'),
      ),
    ),
  },
  menuOf: {
    returns: 'value',
    json: false,
    trusted: true,
    programmerError: unknownMenu,
    valid: fc.tuple(path()),
  },
  normaliseAddress: printedValue,
  normaliseBoolean: printedValue,
  normaliseDuration: printedValue,
  normaliseRatePair: printedValue,
  objectNames: {
    returns: 'value',
    json: false,
    trusted: true,
    valid: fc.tuple(fc.record({ prefix: fc.constantFrom('isp', 'acme') })),
  },
  outcomeOf: {
    returns: 'value',
    trusted: true,
    valid: planning().map((p) => [p, p.subscriberIds[0] ?? 'sub-1', p.result.changes]),
  },
  parseBits: printedValue,
  parseDuration: printedValue,
  parseRatePair: printedValue,
  planAccess: {
    returns: 'value',
    json: false,
    trusted: true,
    invoke: ([input]) => {
      const p = api.planAccess(input as api.AccessPlanningInput);
      return { plan: p.plan, invalid: [...p.invalid.values()], changes: p.result.changes };
    },
    valid: fc
      .tuple(desired(), hostileSnapshot(), fc.constantFrom('sync' as const, 'reconcile' as const))
      .map(([d, snapshot, mode]) => [
        { routerId: 'r1', mode, desired: d, snapshot, config: CONFIG, customerNetworks: ['10.0.0.0/16'] },
      ]),
    // Every refused subscriber gets a typed error naming the field; every planned write passes the guard.
    check: (out, [input]) => {
      const {
        invalid,
        changes: planned,
        plan,
      } = out as {
        invalid: AccessNetworkError[];
        changes: api.Change[];
        plan: AccessPlan;
      };
      for (const e of invalid) expect(ERROR_TYPES.has(e.type)).toBe(true);
      const { snapshot } = input as api.AccessPlanningInput;
      for (const change of planned)
        expect(
          api.checkWrite(change, snapshot, { routerId: 'r1', prefix: 'isp', inCustomerNetworks: insideTen }),
        ).toBeNull();
      expect(() => JSON.stringify(plan)).not.toThrow();
    },
  },
  planChanges: {
    programmerError: unknownMenu,
    returns: 'value',
    json: false,
    trusted: true,
    valid: fc.tuple(desired(), hostileSnapshot()).map(([d, snapshot]) => {
      const entries = d
        .filter(
          (x): x is DesiredAccess => typeof x === 'object' && x !== null && 'plan' in x && 'method' in x,
        )
        .flatMap((x) => {
          try {
            return api.renderSubscriber(x, CONFIG);
          } catch {
            return [];
          }
        });
      return [
        entries,
        snapshot,
        { subscribers: 'all', removeInfrastructure: true, untouchable: new Set() },
        { routerId: 'r1', prefix: 'isp' },
      ];
    }),
  },
  printWords: {
    returns: 'value',
    trusted: true,
    programmerError: unknownMenu,
    valid: fc.tuple(menu(), fc.array(fc.constantFrom('?disabled=no', '?list=morosos'), { maxLength: 2 })),
  },
  protocolError: stringsError(2),
  readMenu: {
    programmerError: unknownMenu,
    returns: 'result',
    json: false,
    trusted: true,
    fieldOptional: NO_FIELD,
    invoke: ([snapshot, m]) =>
      api.readMenu(snapshotConnection(snapshot as api.Snapshot), m as api.ResourceDescriptor),
    valid: fc.tuple(hostileSnapshot(), menu()),
  },
  readProperties: { returns: 'value', trusted: true, programmerError: unknownMenu, valid: fc.tuple(menu()) },
  readSnapshot: {
    programmerError: unknownMenu,
    returns: 'result',
    json: false,
    trusted: true,
    fieldOptional: NO_FIELD,
    invoke: ([snapshot, menus]) =>
      api.readSnapshot(snapshotConnection(snapshot as api.Snapshot), menus as api.ResourceDescriptor[]),
    valid: fc.tuple(hostileSnapshot(), fc.subarray([...api.ALL_MENUS])),
  },
  redact: {
    returns: 'value',
    trusted: true,
    valid: fc
      .tuple(
        fc.string({ maxLength: 200 }),
        fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 }),
      )
      .map(([text, secrets]) => [`${text}${secrets.join(' ')}`, secrets]),
    // Redacted text never contains a secret of three characters or more.
    check: (out, [, secrets]) => {
      for (const s of secrets as string[])
        if (s.length >= 3 && !'***'.includes(s)) expect(out as string).not.toContain(s);
    },
  },
  renderAccessPlan: { returns: 'value', trusted: true, valid: planning().map((p) => [p.plan]) },
  renderBaseInfrastructure: { returns: 'value', trusted: true, valid: fc.tuple(fc.constant(CONFIG)) },
  renderPlanInfrastructure: {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(
      fc.array(
        fc.record({
          plan: fc.constantFrom(...SAMPLE_PLANS),
          methods: fc
            .subarray(['simple-queue', 'pcq-address-list', 'pppoe', 'hotspot'] as AccessMethod[])
            .map((m) => new Set(m)),
        }),
        { maxLength: 3 },
      ),
      fc.constant(CONFIG),
    ),
  },
  renderSubscriber: {
    returns: 'value',
    trusted: true,
    valid: desiredAccessSetArbitrary({ routerId: 'r1', maxSubscribers: 1 })
      .filter((d) => d.length === 1)
      .map((d) => [d[0], CONFIG]),
  },
  resolvePlanningConfig: {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(
      fc.record(
        { prefix: fc.constantFrom('isp', 'acme'), suspensionList: fc.constantFrom('morosos') },
        { requiredKeys: [] },
      ),
    ),
  },
  routerAuthFailed: stringsError(1),
  routerTimeout: {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(ids(), fc.constantFrom('read', '/queue/simple/add'), fc.integer({ min: 1, max: 60_000 })),
  },
  routerTrap: stringsError(3),
  routerUnknown: stringsError(1),
  routerUnreachable: stringsError(2),
  rowsOf: {
    returns: 'value',
    trusted: true,
    programmerError: unknownMenu,
    valid: fc.tuple(hostileSnapshot(), path()),
  },
  simulateChanges: {
    programmerError: unknownMenu,
    returns: 'value',
    json: false,
    trusted: true,
    valid: fc.tuple(hostileSnapshot(), desired()).map(([snapshot, d]) => [
      snapshot,
      api.planAccess({
        routerId: 'r1',
        mode: 'reconcile',
        desired: d,
        snapshot,
        config: CONFIG,
        customerNetworks: ['10.0.0.0/16'],
      }).result.changes,
    ]),
  },
  toPlannedChange: {
    returns: 'value',
    trusted: true,
    valid: changes()
      .filter((c) => c.length > 0)
      .map((c) => [c[0]]),
  },
  unsafeWrite: {
    returns: 'value',
    trusted: true,
    valid: fc.tuple(ids(), fc.constantFrom('empty-target', 'not-owned'), fc.string(), fc.string()),
  },
};

describeFuzzSuite(PKG, api, table, ERROR_TYPES);
