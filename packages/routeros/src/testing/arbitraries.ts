import type { AccessMethod, AccessPlanRates, AccessState, DesiredAccess } from '@isp/contracts';
import fc from 'fast-check';
import type { Row } from '../plan/snapshot.js';

/** A few plans with consistent rates per plan id. */
export const SAMPLE_PLANS: readonly AccessPlanRates[] = [
  {
    planId: 'basic-10m',
    rate: { uploadBps: 5_000_000, downloadBps: 10_000_000 },
    throttledRate: { uploadBps: 512_000, downloadBps: 1_000_000 },
  },
  {
    planId: 'plus-50m',
    rate: { uploadBps: 25_000_000, downloadBps: 50_000_000 },
    throttledRate: { uploadBps: 1_000_000, downloadBps: 2_000_000 },
  },
  {
    planId: 'fiber-300m',
    rate: { uploadBps: 150_000_000, downloadBps: 300_000_000 },
    throttledRate: { uploadBps: 2_000_000, downloadBps: 4_000_000 },
  },
];

export interface DesiredAccessArbitraryOptions {
  readonly routerId?: string;
  /** Methods to draw from; all four by default. */
  readonly methods?: readonly AccessMethod[];
  /** States to draw from; all four by default. */
  readonly states?: readonly AccessState[];
  /** Subscriber ids are `<idPrefix><n>`; default `sub-`. */
  readonly idPrefix?: string;
  /** Largest number of subscribers; default 8. */
  readonly maxSubscribers?: number;
  /** First two octets of every address (inside the customer networks); default `10.0`. */
  readonly network?: string;
}

const ALL_METHODS: readonly AccessMethod[] = ['simple-queue', 'pcq-address-list', 'pppoe', 'hotspot'];
const ALL_STATES: readonly AccessState[] = ['active', 'throttled', 'suspended', 'absent'];

/** One subscriber's desired access, for subscriber number `n` (unique id, address and user name per `n`). */
export function desiredAccessFor(
  n: number,
  method: AccessMethod,
  state: AccessState,
  plan: AccessPlanRates,
  options: DesiredAccessArbitraryOptions = {},
): DesiredAccess {
  const id = `${options.idPrefix ?? 'sub-'}${n}`;
  const network = options.network ?? '10.0';
  const base: DesiredAccess = {
    subscriberId: id,
    routerId: options.routerId ?? 'router-1',
    method,
    state,
    ipv4: `${network}.${Math.floor(n / 250)}.${(n % 250) + 2}`,
    plan,
  };
  if (method === 'pppoe' || method === 'hotspot') {
    return { ...base, credentials: { username: `user${n}`, password: `pw-${n}-Secret` } };
  }
  return base;
}

/** A set of desired access with unique subscribers, addresses and user names, every method and state. */
export function desiredAccessSetArbitrary(
  options: DesiredAccessArbitraryOptions = {},
): fc.Arbitrary<DesiredAccess[]> {
  const methods = options.methods ?? ALL_METHODS;
  const states = options.states ?? ALL_STATES;
  const one = fc.record({
    n: fc.nat({ max: 40 }),
    method: fc.constantFrom(...methods),
    state: fc.constantFrom(...states),
    plan: fc.constantFrom(...SAMPLE_PLANS),
    withoutIp: fc.boolean(),
  });
  return fc.uniqueArray(one, { selector: (s) => s.n, maxLength: options.maxSubscribers ?? 8 }).map((items) =>
    items.map(({ n, method, state, plan, withoutIp }) => {
      const d = desiredAccessFor(n, method, state, plan, options);
      if (withoutIp && (method === 'pppoe' || method === 'hotspot')) {
        const { ipv4: _drop, ...rest } = d;
        return rest;
      }
      return d;
    }),
  );
}

/** Printed values a hostile or buggy router might send: empty, huge, odd units, control bytes, prototype keys. */
export function hostileValueArbitrary(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('', ' ', 'yes', 'no', 'true', '0/0', '10M/20M', '1d2h3m', '00:00:10', '*FFFFFFFF', '/32'),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('__proto__', 'constructor', 'isp:', 'isp::queue', 'isp:infra:', 'isp-'),
    fc.nat().map((n) => `${n}k/${n}G`),
  );
}

/** A printed row with hostile keys and values (what `!re` sentences could carry). */
export function hostileRowArbitrary(): fc.Arbitrary<Row> {
  const key = fc.oneof(
    fc.constantFrom(
      '.id',
      'name',
      'comment',
      'target',
      'max-limit',
      'list',
      'address',
      'dynamic',
      'disabled',
      'user',
    ),
    fc.constantFrom('__proto__', 'constructor', 'prototype'),
    fc.string({ maxLength: 12 }),
  );
  return fc.dictionary(key, hostileValueArbitrary(), { maxKeys: 8 }).map((row) => ({ ...row }) as Row);
}
