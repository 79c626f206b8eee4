import fc from 'fast-check';
import { fromEpochDay, toEpochDay } from '../internal/local-date';
import { type OverdueLadder, WEEKDAYS, type Weekday } from '../ladder/types';
import {
  ACCESS_METHODS,
  type AccessMethod,
  type AccessState,
  type DesiredAccess,
  type RatePair,
} from '../ports/access-network';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function cpfDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (digits.length + 1 - i);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

function cnpjDigit(base: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = base.length - 1; i >= 0; i--) {
    sum += (base.charCodeAt(i) - 48) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/** Valid CPFs (11 digits, check digits computed, never a repeated digit). */
export const validCpf = (): fc.Arbitrary<string> =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
    .filter((d) => new Set(d).size > 1)
    .map((d) => {
      const base = d.join('');
      const d1 = cpfDigit(base);
      return `${base}${d1}${cpfDigit(`${base}${d1}`)}`;
    });

/** Valid CNPJs, numeric or alphanumeric (RFB format in force since July 2026). */
export const validCnpj = (): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...ALNUM), { minLength: 12, maxLength: 12 })
    .filter((c) => new Set(c).size > 1)
    .map((c) => {
      const base = c.join('');
      const d1 = cnpjDigit(base);
      return `${base}${d1}${cnpjDigit(`${base}${d1}`)}`;
    });

/** CPFs and CNPJs whose last check digit is wrong, and strings of the wrong shape. */
export const invalidTaxId = (): fc.Arbitrary<string> =>
  fc.oneof(
    validCpf().map((v) => `${v.slice(0, 10)}${(Number(v[10]) + 1) % 10}`),
    validCnpj().map((v) => `${v.slice(0, 13)}${(Number(v[13]) + 1) % 10}`),
    fc.string({ maxLength: 30 }).filter((s) => !/^[0-9A-Za-z./\- ]{11,20}$/.test(s)),
  );

const rate = (): fc.Arbitrary<RatePair> =>
  fc.record({
    uploadBps: fc.integer({ min: 64_000, max: 1_000_000_000 }),
    downloadBps: fc.integer({ min: 64_000, max: 1_000_000_000 }),
  });

const id = (prefix: string): fc.Arbitrary<string> =>
  fc.stringMatching(/^[a-z0-9]{1,12}$/).map((s) => `${prefix}-${s}`);

const amount = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }))
    .map(([u, c]) => `${u}.${String(c).padStart(2, '0')}`);

/** Valid plan inputs for `createPlan` (throttled rates never above the normal ones). */
export const validPlan = (planId?: string): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record({
      id: planId === undefined ? id('plan') : fc.constant(planId),
      name: fc.constantFrom('Fibra 10M', 'Rádio 5M', 'Plano 50M'),
      rate: rate(),
      price: amount(),
    })
    .chain((p) =>
      fc
        .record({
          uploadBps: fc.integer({ min: 1, max: p.rate.uploadBps }),
          downloadBps: fc.integer({ min: 1, max: p.rate.downloadBps }),
        })
        .map((throttledRate) => ({ ...p, throttledRate })),
    );

/** Valid overdue ladders (ordered thresholds, interpretation A or B). */
export const validLadder = (): fc.Arbitrary<OverdueLadder> =>
  fc
    .record({
      steps: fc
        .uniqueArray(fc.integer({ min: 1, max: 90 }), { minLength: 4, maxLength: 4 })
        .map((a) => [...a].sort((x, y) => x - y)),
      enabled: fc.record({
        notice: fc.boolean(),
        throttle: fc.boolean(),
        suspend: fc.boolean(),
        cancel: fc.boolean(),
      }),
      except: fc.subarray([...WEEKDAYS] as Weekday[], { maxLength: 6 }),
      holidays: fc.boolean(),
      anchor: fc.constantFrom('due-date' as const, 'suspension' as const),
      cancelAfterSuspension: fc.integer({ min: 0, max: 90 }),
    })
    .map(({ steps, enabled, except, holidays, anchor, cancelAfterSuspension }) => {
      const [n, t, s, c] = steps as [number, number, number, number];
      const suspend = enabled.suspend || enabled.cancel;
      return {
        ...(enabled.notice ? { noticeAfterDays: n } : {}),
        ...(enabled.throttle ? { throttleAfterDays: t } : {}),
        ...(suspend ? { suspendAfterDays: s } : {}),
        ...(enabled.cancel ? { cancelAfterDays: anchor === 'suspension' ? cancelAfterSuspension : c } : {}),
        suspendExceptWeekdays: except,
        suspendExceptHolidays: holidays,
        cancelAnchor: anchor,
      };
    });

/** Ladders with thresholds out of order (`UnorderedLadder`). */
export const unorderedLadder = (): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(fc.integer({ min: 2, max: 90 }), fc.integer({ min: 1, max: 89 }))
    .filter(([a, b]) => b < a)
    .chain(([a, b]) =>
      fc.constantFrom(
        { noticeAfterDays: a, throttleAfterDays: b, suspendExceptWeekdays: [] },
        { throttleAfterDays: a, suspendAfterDays: b, suspendExceptWeekdays: [] },
        { suspendAfterDays: a, cancelAfterDays: b, suspendExceptWeekdays: [], cancelAnchor: 'due-date' },
      ),
    );

/** A host address in 10.0.0.0/16 (never .0 or .255 in the last octet). */
export const customerIpv4 = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 }))
    .map(([a, b]) => `10.0.${a}.${b}`);

const secret = (): fc.Arbitrary<string> => fc.stringMatching(/^[A-Za-z0-9!#%&*+=?@^_-]{8,24}$/);

/** Internet account inputs for each method (credentials for pppoe/hotspot, an IP for queues). */
export const validInternetAccount = (
  method?: AccessMethod,
  routerId = 'r1',
): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record({
      id: id('acc'),
      method: method === undefined ? fc.constantFrom(...ACCESS_METHODS) : fc.constant(method),
      ipv4: customerIpv4(),
      username: fc.stringMatching(/^[a-z][a-z0-9._-]{2,15}$/),
      password: secret(),
    })
    .map((a) => ({
      id: a.id,
      routerId,
      method: a.method,
      ipv4: a.ipv4,
      ...(a.method === 'pppoe' || a.method === 'hotspot'
        ? { username: a.username, password: a.password }
        : {}),
    }));

const ADDRESS = {
  street: 'Rua das Flores',
  number: '10',
  city: 'Campinas',
  state: 'SP',
  postalCode: '13010-000',
  country: 'BR',
};

/** Valid customer inputs for `createCustomer` (CPF or CNPJ, numeric or alphanumeric). */
export const validCustomer = (): fc.Arbitrary<Record<string, unknown>> =>
  fc.record({
    id: id('cust'),
    name: fc.constantFrom('Maria da Silva', 'João Souza', 'Provedor Exemplo Ltda'),
    taxId: fc.oneof(validCpf(), validCnpj()),
    phones: fc.array(
      fc.record({
        number: fc.stringMatching(/^\+55[0-9]{10,11}$/),
        kind: fc.constantFrom('mobile', 'landline', 'whatsapp'),
      }),
      { maxLength: 3 },
    ),
    address: fc.constant(ADDRESS),
  });

/** A month `YYYY-MM` in 2025–2027. */
const month = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 2025, max: 2027 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

/**
 * Valid contract inputs for `createContract` against the given plan ids: internet items (one account
 * each, unique ids), other items, installment extras, invoice settings with a valid ladder.
 */
export const validContract = (
  planIds: readonly string[],
  contractId?: string,
): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record({
      id: contractId === undefined ? id('ctr') : fc.constant(contractId),
      internet: fc.uniqueArray(fc.tuple(validInternetAccount(), fc.constantFrom(...planIds)), {
        minLength: 1,
        maxLength: 3,
        selector: ([a]) => a['id'],
      }),
      extras: fc.array(
        fc.record({ kind: fc.constantFrom('email', 'virtual-disk', 'discount'), amount: amount() }),
        { maxLength: 3 },
      ),
      installments: fc.array(
        fc.record({
          total: fc.integer({ min: 100, max: 500_000 }),
          count: fc.integer({ min: 1, max: 12 }),
          startMonth: month(),
        }),
        { maxLength: 2 },
      ),
      closingDay: fc.integer({ min: 1, max: 31 }),
      dueDay: fc.integer({ min: 1, max: 31 }),
      ladder: validLadder(),
      start: fc.integer({ min: toEpochDay('2025-01-01'), max: toEpochDay('2027-12-31') }),
    })
    .map((c) => ({
      id: c.id,
      customerId: 'cust-1',
      layoutId: 'default',
      installationAddress: ADDRESS,
      startDate: fromEpochDay(c.start),
      items: [
        ...c.internet.map(([account, planId], i) => ({
          id: `net-${i}`,
          kind: 'internet',
          description: 'Internet',
          planId,
          account,
        })),
        ...c.extras.map((e, i) => ({
          id: `extra-${i}`,
          kind: e.kind,
          description: e.kind,
          amount: e.amount,
        })),
      ],
      installments: c.installments.map((x, i) => ({
        id: `inst-${i}`,
        description: 'Equipment',
        total: `${Math.floor(x.total / 100)}.${String(x.total % 100).padStart(2, '0')}`,
        count: x.count,
        startMonth: x.startMonth,
      })),
      invoiceSettings: { closingDay: c.closingDay, dueDay: c.dueDay, ladder: c.ladder },
    }));

/** Contract inputs with one negative amount (`NegativeAmount`). */
export const contractWithNegativeItem = (planIds: readonly string[]): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(
      validContract(planIds),
      fc.constantFrom('email', 'one-off', 'discount', 'virtual-disk'),
      amount().filter((a) => /[1-9]/.test(a)),
    )
    .map(([c, kind, a]) => ({
      ...c,
      items: [
        ...(c['items'] as unknown[]),
        { id: 'negative', kind, description: 'x', amount: `-${a}`, billOn: '2026-01' },
      ],
    }));

/** Valid desired access for a method (or any), in 10.0.0.0/16 on `routerId`. */
export const validDesiredAccess = (method?: AccessMethod, routerId = 'r1'): fc.Arbitrary<DesiredAccess> =>
  fc
    .record({
      account: validInternetAccount(method, routerId),
      state: fc.constantFrom<AccessState>('active', 'throttled', 'suspended', 'absent'),
      plan: validPlan(),
    })
    .map(({ account, state, plan }) => {
      const a = account as {
        id: string;
        method: AccessMethod;
        ipv4: string;
        username?: string;
        password?: string;
      };
      const p = plan as { id: string; rate: RatePair; throttledRate: RatePair };
      return {
        subscriberId: a.id,
        routerId,
        method: a.method,
        state,
        ipv4: a.ipv4,
        plan: { planId: p.id, rate: p.rate, throttledRate: p.throttledRate },
        ...(a.username !== undefined && a.password !== undefined
          ? { credentials: { username: a.username, password: a.password } }
          : {}),
      };
    });

/** Desired access with an unknown method (`InvalidDesiredAccess` on `method`). */
export const desiredAccessWithBadMethod = (): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(
      validDesiredAccess(),
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((m) => !(ACCESS_METHODS as readonly string[]).includes(m)),
    )
    .map(([d, method]) => ({ ...d, method }));

/** Strings with at least one control character. */
export const stringWithControlCharacter = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.integer({ min: 0, max: 0x1f }), fc.string({ maxLength: 10 }))
    .map(([a, c, b]) => `${a}${String.fromCharCode(c)}${b}`);

/** An object parsed from JSON with an own `__proto__` key merged into `base` (prototype-pollution shape). */
export const withProtoKey = (base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.jsonValue(), { maxKeys: 3 }).map((payload) => {
    const polluted = JSON.parse(`{"__proto__": ${JSON.stringify(payload)}}`) as Record<string, unknown>;
    return Object.assign(polluted, base);
  });
