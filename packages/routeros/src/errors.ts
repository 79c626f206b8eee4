import type { AccessNetworkError } from '@isp/contracts';

/** Errors of one router call: the transport subset of the port's error union. */
export type RouterError = Extract<
  AccessNetworkError,
  {
    readonly type:
      | 'RouterUnreachable'
      | 'RouterAuthFailed'
      | 'RouterTimeout'
      | 'RouterTrap'
      | 'ConnectionLost'
      | 'ProtocolError';
  }
>;

/** Every error this package returns. */
export type RouterOsError = AccessNetworkError;

/**
 * Catalogue class of a `!trap` message (reference A9). RouterOS's numeric `=category=` is not delivered by
 * the client library, so `RouterTrap.category` carries this class instead.
 */
export type TrapClass =
  | 'duplicate'
  | 'no-such-item'
  | 'invalid-item-number'
  | 'no-such-reference'
  | 'invalid-value'
  | 'ambiguous-value'
  | 'unknown-parameter'
  | 'missing-argument'
  | 'no-such-command'
  | 'out-of-range'
  | 'interrupted'
  | 'permission-denied'
  | 'login-failed'
  | 'other';

const TRAP_PATTERNS: readonly (readonly [RegExp, TrapClass])[] = [
  [/^failure: (already have|secret with the same name already exists)/, 'duplicate'],
  [/^no such item/, 'no-such-item'],
  [/^invalid internal item number/, 'invalid-item-number'],
  [/^input does not match any value of /, 'no-such-reference'],
  [/^invalid value (for argument|of) /, 'invalid-value'],
  [/^ambiguous value of /, 'ambiguous-value'],
  [/^unknown parameter/, 'unknown-parameter'],
  [/^missing value\(s\) of argument\(s\)/, 'missing-argument'],
  [/^no such command/, 'no-such-command'],
  [/out of range/, 'out-of-range'],
  [/^interrupted/, 'interrupted'],
  [/^not enough permissions/, 'permission-denied'],
  [/^(invalid user name or password|cannot log in)/, 'login-failed'],
];

/** Classifies a trap message by the catalogue of known RouterOS messages. */
export function classifyTrap(message: string): TrapClass {
  for (const [pattern, kind] of TRAP_PATTERNS) if (pattern.test(message)) return kind;
  return 'other';
}

const MAX_MESSAGE = 300;

function clip(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}

export function routerUnreachable(routerId: string, message: string): RouterError {
  return { type: 'RouterUnreachable', routerId, message: clip(message) };
}

export function routerAuthFailed(routerId: string): RouterError {
  return {
    type: 'RouterAuthFailed',
    routerId,
    message: `router ${routerId} rejected the API login (check user, password and the api policy)`,
  };
}

export function routerTimeout(routerId: string, operation: string, timeoutMs: number): RouterError {
  return {
    type: 'RouterTimeout',
    routerId,
    operation,
    message: `${operation} on router ${routerId} got no reply within ${timeoutMs} ms`,
  };
}

export function routerTrap(routerId: string, command: string, message: string): RouterError {
  return {
    type: 'RouterTrap',
    routerId,
    command,
    message: clip(message),
    category: classifyTrap(message),
  };
}

export function connectionLost(routerId: string, message: string): RouterError {
  return { type: 'ConnectionLost', routerId, message: clip(message) };
}

export function protocolError(routerId: string, message: string): RouterError {
  return { type: 'ProtocolError', routerId, message: clip(message) };
}

export function routerUnknown(routerId: string): AccessNetworkError {
  return { type: 'RouterUnknown', routerId, message: `no connection settings for router ${routerId}` };
}

export type UnsafeWriteReason =
  | 'empty-target'
  | 'default-route-target'
  | 'outside-customer-networks'
  | 'not-owned';

export function unsafeWrite(
  routerId: string,
  reason: UnsafeWriteReason,
  key: string,
  message: string,
): AccessNetworkError {
  return { type: 'UnsafeWrite', routerId, reason, key, message: clip(message) };
}

export function invalidDesiredAccess(
  subscriberId: string,
  field: string,
  message: string,
): AccessNetworkError {
  return { type: 'InvalidDesiredAccess', subscriberId: clip(subscriberId), field, message: clip(message) };
}

export function adoptionRefused(routerId: string, key: string, message: string): AccessNetworkError {
  return { type: 'AdoptionRefused', routerId, key, message: clip(message) };
}

/** Whether an error concerns the router as a whole (the call fails) rather than one entry. */
export function isRouterWideError(error: AccessNetworkError): boolean {
  return (
    error.type === 'RouterUnknown' ||
    error.type === 'RouterUnreachable' ||
    error.type === 'RouterAuthFailed' ||
    error.type === 'ConnectionLost' ||
    error.type === 'ProtocolError'
  );
}

/** Replaces every occurrence of the given secrets in a text by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    out = out.split(secret).join('***');
  }
  return out;
}
