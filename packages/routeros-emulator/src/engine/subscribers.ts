import { parseDuration } from '../menus/duration';
import { formatIpv4, parseIpv4 } from '../menus/ipv4';
import { rateLimitPair } from '../menus/rates';
import type { Row } from '../menus/types';
import type { RouterState } from './router-state';

/** Why a simulated login was refused. */
export type LoginRefusal =
  | 'unknown-user'
  | 'disabled'
  | 'wrong-password'
  | 'service-mismatch'
  | 'already-connected'
  | 'mac-mismatch'
  | 'too-many-sessions'
  | 'invalid-input';

/** A live session as the router recorded it at login. */
export interface SubscriberSession {
  readonly menu: '/ppp/active' | '/ip/hotspot/active';
  /** `.id` of the active row. */
  readonly id: string;
  readonly name: string;
  readonly address: string;
  /** Profile in force at login (later profile changes do not touch the session). */
  readonly profile: string;
  /** `rate-limit` in force at login ('' when none). */
  readonly rateLimit: string;
  /** Name of the dynamic simple queue created for the rate limit, if any. */
  readonly queue?: string;
}

export type LoginOutcome =
  | { readonly ok: true; readonly session: SubscriberSession }
  | { readonly ok: false; readonly reason: LoginRefusal; readonly message: string };

export interface PppLogin {
  readonly name: string;
  readonly password: string;
  /** Default `pppoe`. */
  readonly service?: 'pppoe' | 'pptp' | 'l2tp' | 'ovpn' | 'sstp' | 'async' | 'isdn';
  readonly callerId?: string;
  /** Address to give when neither the secret nor the profile fixes one. */
  readonly address?: string;
}

export interface HotspotLogin {
  readonly name: string;
  readonly password: string;
  readonly macAddress?: string;
  readonly address?: string;
  /** Default `hotspot1`. */
  readonly server?: string;
}

const refuse = (reason: LoginRefusal, message: string): LoginOutcome => ({ ok: false, reason, message });

function findByName(state: RouterState, menu: string, key: string, name: string): Row | undefined {
  state.purgeExpired(menu);
  return state.findBy(menu, key, name);
}

function freeAddress(state: RouterState, requested: string | undefined): string {
  if (requested !== undefined && parseIpv4(requested) !== undefined) return requested;
  const used = new Set<string>();
  for (const menu of ['/ppp/active', '/ip/hotspot/active']) {
    for (const row of state.table(menu)?.rows ?? []) used.add(row.get('address') ?? '');
  }
  const base = parseIpv4('10.254.0.2')!;
  for (let offset = 0; offset < 65_000; offset++) {
    const candidate = formatIpv4(base + offset);
    if (!used.has(candidate)) return candidate;
  }
  return '10.254.255.254';
}

function insertRow(state: RouterState, menu: string, values: Record<string, string>, index?: number): Row {
  const table = state.table(menu)!;
  const row: Row = state.withDefaults(table.spec);
  for (const [key, value] of Object.entries(values)) row.set(key, value);
  row.set('.id', state.allocateId(menu));
  state.insert(menu, row, index === undefined ? undefined : { index });
  return row;
}

/** Creates the dynamic simple queue and address-list entry a session with a rate limit gets. */
function attachSessionObjects(
  state: RouterState,
  owner: string,
  queueName: string,
  address: string,
  rateLimit: string,
  addressList: string,
  insertBefore: string | undefined,
): string | undefined {
  let queue: string | undefined;
  const pair = rateLimit === '' ? undefined : rateLimitPair(rateLimit);
  if (pair) {
    const queues = state.table('/queue/simple')!;
    let index: number | undefined;
    if (insertBefore === 'first') index = 0;
    else if (insertBefore !== undefined && insertBefore !== 'bottom') {
      index = queues.rows.findIndex((row) => row.get('name') === insertBefore);
    }
    insertRow(
      state,
      '/queue/simple',
      {
        name: queueName,
        target: `${address}/32`,
        'max-limit': `${pair[0]}/${pair[1]}`,
        dynamic: 'true',
        owner,
      },
      index,
    );
    queue = queueName;
  }
  if (addressList !== '') {
    const candidate: Row = new Map([
      ['list', addressList],
      ['address', address],
    ]);
    if (state.uniqueClash('/ip/firewall/address-list', candidate) === undefined) {
      insertRow(state, '/ip/firewall/address-list', {
        list: addressList,
        address,
        dynamic: 'true',
        'created-at-ms': String(state.options.clock()),
        owner,
      });
    }
  }
  return queue;
}

const validText = (value: unknown): value is string => typeof value === 'string' && value.length <= 4096;

/** Simulates a PPP client dialling in: checks the secret, records the session and its profile/rate. */
export function loginPpp(state: RouterState, login: PppLogin): LoginOutcome {
  if (!login || !validText(login.name) || !validText(login.password)) {
    return refuse('invalid-input', 'name and password must be strings');
  }
  const service = login.service ?? 'pppoe';
  const secret = findByName(state, '/ppp/secret', 'name', login.name);
  if (!secret) return refuse('unknown-user', `no such PPP secret ${login.name}`);
  if (secret.get('disabled') === 'true') return refuse('disabled', `PPP secret ${login.name} is disabled`);
  if (secret.get('password') !== login.password) return refuse('wrong-password', 'authentication failed');
  const allowed = secret.get('service') ?? 'any';
  if (allowed !== 'any' && allowed !== service) return refuse('service-mismatch', `secret is for ${allowed}`);
  const profileName = secret.get('profile') ?? 'default';
  const profile = findByName(state, '/ppp/profile', 'name', profileName);
  if (profile?.get('only-one') === 'yes') {
    const active = state.table('/ppp/active')!.rows.some((row) => row.get('name') === login.name);
    if (active) return refuse('already-connected', `${login.name} already has a session`);
  }
  const profileRemote = profile?.get('remote-address');
  const address = freeAddress(
    state,
    secret.get('remote-address') ??
      (profileRemote && parseIpv4(profileRemote) !== undefined ? profileRemote : login.address),
  );
  const rateLimit = profile?.get('rate-limit') ?? '';
  const now = state.options.clock();
  const row = insertRow(state, '/ppp/active', {
    name: login.name,
    service,
    'caller-id': login.callerId ?? '',
    address,
    'session-id': `0x${(0x81000000 + state.table('/ppp/active')!.nextId).toString(16).toUpperCase()}`,
    'limit-bytes-in': secret.get('limit-bytes-in') ?? '0',
    'limit-bytes-out': secret.get('limit-bytes-out') ?? '0',
    profile: profileName,
    'rate-limit': rateLimit,
    'login-at-ms': String(now),
  });
  const id = row.get('.id')!;
  const queue = attachSessionObjects(
    state,
    `/ppp/active:${id}`,
    `<${service}-${login.name}>`,
    address,
    rateLimit,
    profile?.get('address-list') ?? '',
    profile?.get('insert-queue-before'),
  );
  return {
    ok: true,
    session: {
      menu: '/ppp/active',
      id,
      name: login.name,
      address,
      profile: profileName,
      rateLimit,
      ...(queue ? { queue } : {}),
    },
  };
}

/** Simulates a HotSpot login: checks the user, shared-users and MAC binding; records session and cookie. */
export function loginHotspot(state: RouterState, login: HotspotLogin): LoginOutcome {
  if (!login || !validText(login.name) || !validText(login.password)) {
    return refuse('invalid-input', 'name and password must be strings');
  }
  const mac = (login.macAddress ?? '02:00:00:00:00:01').toUpperCase();
  const user = findByName(state, '/ip/hotspot/user', 'name', login.name);
  if (!user) return refuse('unknown-user', `no such HotSpot user ${login.name}`);
  if (user.get('disabled') === 'true') return refuse('disabled', `HotSpot user ${login.name} is disabled`);
  if (user.get('password') !== login.password)
    return refuse('wrong-password', 'invalid username or password');
  const boundMac = user.get('mac-address') ?? '00:00:00:00:00:00';
  if (boundMac !== '00:00:00:00:00:00' && boundMac !== mac)
    return refuse('mac-mismatch', 'MAC address not allowed');
  const profileName = user.get('profile') ?? 'default';
  const profile = findByName(state, '/ip/hotspot/user/profile', 'name', profileName);
  const shared = Number(profile?.get('shared-users') ?? '1');
  const sessions = state
    .table('/ip/hotspot/active')!
    .rows.filter((row) => row.get('user') === login.name).length;
  if (sessions >= shared) return refuse('too-many-sessions', 'no more sessions are allowed for user');
  const fixed = user.get('address');
  const address = freeAddress(state, fixed && fixed !== '0.0.0.0' ? fixed : login.address);
  const rateLimit = profile?.get('rate-limit') ?? '';
  const now = state.options.clock();
  const server = login.server ?? 'hotspot1';
  const row = insertRow(state, '/ip/hotspot/active', {
    server,
    user: login.name,
    address,
    'mac-address': mac,
    'login-by': 'http-chap',
    profile: profileName,
    'rate-limit': rateLimit,
    'login-at-ms': String(now),
  });
  const id = row.get('.id')!;
  const queue = attachSessionObjects(
    state,
    `/ip/hotspot/active:${id}`,
    `<hotspot-${login.name}>`,
    address,
    rateLimit,
    profile?.get('address-list') ?? '',
    undefined,
  );
  if (profile?.get('add-mac-cookie') !== 'false') {
    const seconds = parseDuration(profile?.get('mac-cookie-timeout') ?? '3d') ?? 259_200;
    insertRow(state, '/ip/hotspot/cookie', {
      user: login.name,
      'mac-address': mac,
      'expires-at-ms': String(now + seconds * 1000),
    });
  }
  return {
    ok: true,
    session: {
      menu: '/ip/hotspot/active',
      id,
      name: login.name,
      address,
      profile: profileName,
      rateLimit,
      ...(queue ? { queue } : {}),
    },
  };
}

/** Every live PPP and HotSpot session with the profile and rate recorded at login. */
export function listSessions(state: RouterState): SubscriberSession[] {
  const out: SubscriberSession[] = [];
  for (const menu of ['/ppp/active', '/ip/hotspot/active'] as const) {
    for (const row of state.table(menu)?.rows ?? []) {
      const id = row.get('.id')!;
      const owner = `${menu}:${id}`;
      const queue = state.table('/queue/simple')!.rows.find((candidate) => candidate.get('owner') === owner);
      out.push({
        menu,
        id,
        name: row.get(menu === '/ppp/active' ? 'name' : 'user') ?? '',
        address: row.get('address') ?? '',
        profile: row.get('profile') ?? '',
        rateLimit: row.get('rate-limit') ?? '',
        ...(queue ? { queue: queue.get('name')! } : {}),
      });
    }
  }
  return out;
}
