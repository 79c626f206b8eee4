import { err, ok, type Result } from 'neverthrow';
import { cidrContains, ipv4ToInt, isMacAddress, parseCidr } from '../internal/ipv4';
import {
  ACCESS_METHODS,
  ACCESS_STATES,
  type AccessMethod,
  type AccessNetworkError,
  type DesiredAccess,
  type RatePair,
} from '../ports/access-network';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const SUBSCRIBER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/** 100 Gbit/s: anything above is a unit mistake. */
const MAX_RATE = 100_000_000_000;

export interface ValidateDesiredAccessOptions {
  /**
   * When given, the `ipv4` of a subscriber that is written (`active`, `throttled`, `suspended`) must be inside
   * one of these CIDR blocks (`UnsafeWrite` otherwise). An `absent` subscriber is never checked: nothing is
   * written for it.
   */
  readonly customerNetworks?: readonly string[];
  /** When given, `routerId` must equal it. */
  readonly routerId?: string;
}

const invalid = (subscriberId: string, field: string, message: string): AccessNetworkError => ({
  type: 'InvalidDesiredAccess',
  subscriberId,
  field,
  message,
});

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max && !CONTROL.test(value);

function checkRates(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const rate = value as Partial<RatePair>;
  return (
    Number.isSafeInteger(rate.uploadBps) &&
    Number.isSafeInteger(rate.downloadBps) &&
    (rate.uploadBps as number) > 0 &&
    (rate.downloadBps as number) > 0 &&
    (rate.uploadBps as number) <= MAX_RATE &&
    (rate.downloadBps as number) <= MAX_RATE
  );
}

/**
 * Checks one desired access the way every adapter must before writing: shape, method, state, plan rates,
 * IPv4 (required for simple-queue and pcq-address-list), credentials (required for pppoe and hotspot), MAC.
 *
 * `absent` means "remove whatever we own of this subscriber": the adapter finds those entries by their
 * ownership marker (the subscriber id), so IPv4 and credentials are optional and the IPv4 is not checked
 * against the customer networks (a released contract carries an IP such as 127.0.3.30 that the router never
 * held). When given, they must still be well-formed.
 *
 * The error names the field and never contains the password.
 */
export function validateDesiredAccess(
  value: unknown,
  options: ValidateDesiredAccessOptions = {},
): Result<DesiredAccess, AccessNetworkError> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err(invalid('', 'desired', 'desired access must be an object'));
  }
  if (typeof options !== 'object' || options === null)
    return err(invalid('', 'options', 'options must be an object'));
  if (
    options.customerNetworks !== undefined &&
    (!Array.isArray(options.customerNetworks) ||
      !options.customerNetworks.every((n) => typeof n === 'string'))
  )
    return err(invalid('', 'options.customerNetworks', 'customerNetworks must be an array of CIDR strings'));
  if (options.routerId !== undefined && !isText(options.routerId, 128))
    return err(invalid('', 'options.routerId', 'routerId must be a short string'));
  if (Object.hasOwn(value, '__proto__'))
    return err(invalid('', '__proto__', 'a key named __proto__ is not allowed'));
  const d = value as Record<string, unknown>;
  const subscriberId = d['subscriberId'];
  if (typeof subscriberId !== 'string' || !SUBSCRIBER_ID.test(subscriberId) || FORBIDDEN.has(subscriberId)) {
    return err(
      invalid(
        typeof subscriberId === 'string' && !CONTROL.test(subscriberId) ? subscriberId.slice(0, 100) : '',
        'subscriberId',
        'subscriberId must be 1–100 letters, digits, ".", "_", ":" or "-"',
      ),
    );
  }
  const sid = subscriberId;
  if (!isText(d['routerId'], 100))
    return err(invalid(sid, 'routerId', 'routerId must be a non-empty string'));
  if (options.routerId !== undefined && d['routerId'] !== options.routerId) {
    return err(invalid(sid, 'routerId', `routerId must be ${options.routerId}`));
  }
  const method = d['method'];
  if (typeof method !== 'string' || !(ACCESS_METHODS as readonly string[]).includes(method)) {
    return err(invalid(sid, 'method', `method must be one of ${ACCESS_METHODS.join(', ')}`));
  }
  if (typeof d['state'] !== 'string' || !(ACCESS_STATES as readonly string[]).includes(d['state'])) {
    return err(invalid(sid, 'state', `state must be one of ${ACCESS_STATES.join(', ')}`));
  }
  const plan = d['plan'];
  if (typeof plan !== 'object' || plan === null) return err(invalid(sid, 'plan', 'plan must be an object'));
  const p = plan as Record<string, unknown>;
  if (!isText(p['planId'], 100) || !SUBSCRIBER_ID.test(p['planId'] as string)) {
    return err(
      invalid(sid, 'plan.planId', 'plan.planId must be 1–100 letters, digits, ".", "_", ":" or "-"'),
    );
  }
  if (!checkRates(p['rate']))
    return err(invalid(sid, 'plan.rate', 'plan.rate must hold positive integer bps'));
  if (!checkRates(p['throttledRate'])) {
    return err(invalid(sid, 'plan.throttledRate', 'plan.throttledRate must hold positive integer bps'));
  }
  const absent = d['state'] === 'absent';
  const needsIp = !absent && (method === 'simple-queue' || method === 'pcq-address-list');
  const ipv4 = d['ipv4'];
  if (ipv4 === undefined) {
    if (needsIp) return err(invalid(sid, 'ipv4', `ipv4 is required for ${method as AccessMethod}`));
  } else {
    const ip = ipv4ToInt(ipv4);
    if (ip < 0) return err(invalid(sid, 'ipv4', 'ipv4 must be a dotted-decimal IPv4 address'));
    if (ip === 0 || ip === 0xffffffff) return err(invalid(sid, 'ipv4', 'ipv4 must be a host address'));
    if (!absent && options.customerNetworks !== undefined) {
      const inside = options.customerNetworks.some((n) => {
        const cidr = parseCidr(n);
        return cidr !== undefined && cidrContains(cidr, ip);
      });
      if (!inside) {
        return err({
          type: 'UnsafeWrite',
          routerId: d['routerId'] as string,
          reason: 'outside-customer-networks',
          key: sid,
          message: `${ipv4 as string} is outside the router's customer networks`,
        });
      }
    }
  }
  const needsCredentials = !absent && (method === 'pppoe' || method === 'hotspot');
  const credentials = d['credentials'];
  if (credentials === undefined) {
    if (needsCredentials) return err(invalid(sid, 'credentials', `credentials are required for ${method}`));
  } else {
    if (typeof credentials !== 'object' || credentials === null) {
      return err(invalid(sid, 'credentials', 'credentials must be an object'));
    }
    const c = credentials as Record<string, unknown>;
    if (!isText(c['username'], 100) || /\s/.test(c['username'] as string)) {
      return err(invalid(sid, 'credentials.username', 'username must be 1–100 characters without spaces'));
    }
    if (!isText(c['password'], 200)) {
      return err(invalid(sid, 'credentials.password', 'password must be 1–200 printable characters'));
    }
  }
  if (d['macAddress'] !== undefined && !isMacAddress(d['macAddress'])) {
    return err(invalid(sid, 'macAddress', 'macAddress must look like AA:BB:CC:DD:EE:FF'));
  }
  if (d['interface'] !== undefined && !isText(d['interface'], 100)) {
    return err(invalid(sid, 'interface', 'interface must be a non-empty string'));
  }
  return ok(value as DesiredAccess);
}
