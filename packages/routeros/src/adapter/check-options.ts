import { isIpv4 } from '@isp/ip-policy';
import type { RouterOsAccessNetworkOptions } from './options.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const RATE = /^\d{1,12}[kMG]?\/\d{1,12}[kMG]?$/;

const optional = (value: unknown, ok: (v: unknown) => boolean): boolean => value === undefined || ok(value);
const isFunction = (v: unknown): boolean => typeof v === 'function';

/**
 * The planning and transport options, checked before anything reads them: a malformed option is an
 * `InvalidAdapterOptions` naming it, never a throw later on. Returns the offending field, or undefined.
 */
export function invalidOptionField(options: RouterOsAccessNetworkOptions): string | undefined {
  const o = options as unknown as Record<string, unknown>;
  if (!optional(o['prefix'], (v) => typeof v === 'string' && NAME.test(v))) return 'prefix';
  for (const field of ['suspensionList', 'throttleList'])
    if (!optional(o[field], (v) => typeof v === 'string' && NAME.test(v))) return field;
  for (const field of ['pppoeSuspension', 'hotspotSuspension'])
    if (!optional(o[field], (v) => v === 'profile' || v === 'disable')) return field;
  if (!optional(o['suspendedRate'], (v) => typeof v === 'string' && RATE.test(v))) return 'suspendedRate';
  const notice = o['notice'] as Record<string, unknown> | null | undefined;
  if (notice !== undefined) {
    if (typeof notice !== 'object' || notice === null || !isIpv4(notice['address'])) return 'notice.address';
    const port = notice['port'];
    if (!optional(port, (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535))
      return 'notice.port';
  }
  if (!optional(o['manageInfrastructure'], (v) => typeof v === 'boolean')) return 'manageInfrastructure';
  if (!optional(o['routerConcurrency'], (v) => typeof v === 'number' && Number.isFinite(v) && v >= 1))
    return 'routerConcurrency';
  if (!optional(o['onProgress'], isFunction)) return 'onProgress';
  if (!optional(o['connect'], isFunction)) return 'connect';
  const transport = o['transport'];
  if (transport !== undefined) {
    if (typeof transport !== 'object' || transport === null) return 'transport';
    if (!optional((transport as Record<string, unknown>)['onEvent'], isFunction)) return 'transport.onEvent';
  }
  if (!optional(o['allowedHosts'], (v) => Array.isArray(v) && v.every((h) => typeof h === 'string')))
    return 'allowedHosts';
  return undefined;
}
