import { formatDurationV6, formatDurationV7, parseDuration } from './duration';
import { formatIpv4, parseIpv4, parsePrefix } from './ipv4';
import { isRateLimit, parseRate, parseRatePair } from './rates';
import type { ValueContext, ValueType } from './types';

/** A trap produced by validation. */
export interface ValueTrap {
  readonly message: string;
  readonly category?: number;
}

export type Normalised =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly trap: ValueTrap };

const ok = (value: string): Normalised => ({ ok: true, value });
const invalid = (name: string): Normalised => ({
  ok: false,
  trap: { message: `invalid value for argument ${name}` },
});
const noMatch = (name: string): Normalised => ({
  ok: false,
  trap: { message: `input does not match any value of ${name}`, category: 1 },
});

/** Longest accepted timeout, 35w3d13h13m56s (2^31 - 1 hundredths of a second). */
export const MAX_TIMEOUT_SECONDS = 35 * 604800 + 3 * 86400 + 13 * 3600 + 13 * 60 + 56;

export function formatDuration(seconds: number, ctx: ValueContext): string {
  return ctx.version.major >= 7 ? formatDurationV7(seconds) : formatDurationV6(seconds);
}

function matchEnum(name: string, values: readonly string[], input: string): Normalised {
  if (values.includes(input)) return ok(input);
  const candidates = values.filter((value) => value.startsWith(input));
  if (input !== '' && candidates.length === 1) return ok(candidates[0]!);
  if (input !== '' && candidates.length > 1) {
    return {
      ok: false,
      trap: { message: `ambiguous value of ${name}, more than one possible value matches input` },
    };
  }
  return noMatch(name);
}

function normaliseAddress(name: string, input: string, allowDns: boolean): Normalised {
  if (/^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(input)) {
    const prefix = parsePrefix(input);
    if (!prefix) return invalid(name);
    return ok(
      prefix.length === 32 ? formatIpv4(prefix.network) : `${formatIpv4(prefix.network)}/${prefix.length}`,
    );
  }
  const range = /^(\d+\.\d+\.\d+\.\d+)-(\d+\.\d+\.\d+\.\d+)$/.exec(input);
  if (range) {
    const from = parseIpv4(range[1]!);
    const to = parseIpv4(range[2]!);
    if (from === undefined || to === undefined || from > to) return invalid(name);
    return ok(`${formatIpv4(from)}-${formatIpv4(to)}`);
  }
  if (allowDns && /^[A-Za-z0-9.-]+$/.test(input) && input.length <= 253) return ok(input);
  return invalid(name);
}

/** Validates and normalises one input value the way RouterOS prints it back. */
export function normaliseValue(name: string, type: ValueType, input: string, ctx: ValueContext): Normalised {
  switch (type.kind) {
    case 'text':
      return type.nonEmpty && input === '' ? invalid(name) : ok(input);
    case 'bool':
      if (input === 'yes' || input === 'true') return ok('true');
      if (input === 'no' || input === 'false') return ok('false');
      return noMatch(name);
    case 'int': {
      if (!/^-?\d+$/.test(input)) return invalid(name);
      const value = Number(input);
      return value < type.min || value > type.max ? invalid(name) : ok(String(value));
    }
    case 'enum': {
      if (type.numeric && /^\d+$/.test(input)) {
        const value = Number(input);
        return value >= type.numeric.min && value <= type.numeric.max ? ok(String(value)) : noMatch(name);
      }
      return matchEnum(name, type.values, input);
    }
    case 'ref': {
      if (type.extra?.includes(input)) return ok(input);
      if (type.interfaces && ctx.interfaces.includes(input)) return ok(input);
      return ctx.names(type.menu).has(input) ? ok(input) : noMatch(name);
    }
    case 'ref-pair': {
      const parts = input.split('/');
      if (parts.length > 2) return noMatch(name);
      const names = ctx.names(type.menu);
      if (!parts.every((part) => names.has(part))) return noMatch(name);
      return ok(`${parts[0]}/${parts[1] ?? parts[0]}`);
    }
    case 'rate': {
      const rate = parseRate(input);
      return rate === undefined ? invalid(name) : ok(String(rate));
    }
    case 'rate-pair': {
      const pair = parseRatePair(input);
      return pair === undefined ? invalid(name) : ok(`${pair[0]}/${pair[1]}`);
    }
    case 'time-pair': {
      const parts = input.split('/');
      if (parts.length > 2) return invalid(name);
      const seconds = parts.map((part) => parseDuration(part));
      if (seconds.some((value) => value === undefined)) return invalid(name);
      const [up, down = up] = seconds as number[];
      return ok(`${formatDurationV7(up!)}/${formatDurationV7(down!)}`);
    }
    case 'priority-pair': {
      const parts = input.split('/');
      if (parts.length > 2 || !parts.every((part) => /^[1-8]$/.test(part))) return invalid(name);
      return ok(`${parts[0]}/${parts[1] ?? parts[0]}`);
    }
    case 'decimal-pair': {
      const parts = input.split('/');
      if (parts.length > 2 || !parts.every((part) => /^\d+(\.\d+)?$/.test(part))) return invalid(name);
      return ok(`${parts[0]}/${parts[1] ?? parts[0]}`);
    }
    case 'ip':
      return parseIpv4(input) === undefined ? invalid(name) : ok(input);
    case 'ip-or-pool':
      if (parseIpv4(input) !== undefined) return ok(input);
      return /^[A-Za-z0-9_.-]+$/.test(input) ? ok(input) : invalid(name);
    case 'targets': {
      if (input === '') return ok('');
      const out: string[] = [];
      for (const item of input.split(',')) {
        if (ctx.interfaces.includes(item)) {
          out.push(item);
          continue;
        }
        const prefix = parsePrefix(item);
        if (!prefix) return invalid(name);
        out.push(`${formatIpv4(prefix.network)}/${prefix.length}`);
      }
      return ok(out.join(','));
    }
    case 'address':
      return normaliseAddress(name, input, false);
    case 'list-address':
      return input === '' ? invalid(name) : normaliseAddress(name, input, true);
    case 'mac':
      return /^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$/.test(input) ? ok(input.toUpperCase()) : invalid(name);
    case 'rate-limit':
      if (input === '') return ok('');
      return isRateLimit(input) ? ok(input.trim().replace(/\s+/g, ' ')) : invalid(name);
    case 'duration': {
      const seconds = parseDuration(input);
      return seconds === undefined ? invalid(name) : ok(formatDuration(seconds, ctx));
    }
    case 'timeout': {
      const seconds = parseDuration(input);
      if (seconds === undefined) return invalid(name);
      if (seconds > MAX_TIMEOUT_SECONDS) {
        return {
          ok: false,
          trap: { message: 'value of timeout is out of range (00:00:00 .. 35w3d13:13:56)' },
        };
      }
      return ok(String(seconds));
    }
    case 'ports': {
      const valid = input.split(',').every((part) => {
        const range = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
        if (!range) return false;
        const from = Number(range[1]);
        const to = range[2] === undefined ? from : Number(range[2]);
        return from <= 65535 && to <= 65535 && from <= to;
      });
      return valid ? ok(input) : invalid(name);
    }
  }
}
