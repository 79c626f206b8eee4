import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { err, ok, type Result } from 'neverthrow';
import { type ContractsError, invalidInput, invalidPasswordHash, weakPassword } from '../errors';

/** Where salts come from; inject a deterministic source in tests. */
export type SaltSource = (size: number) => Uint8Array;

export interface ScryptParameters {
  /** CPU/memory cost, a power of two (default 16384). */
  readonly N: number;
  /** Block size (default 8). */
  readonly r: number;
  /** Parallelism (default 1). */
  readonly p: number;
}

export interface HashPasswordOptions {
  readonly parameters?: ScryptParameters;
  readonly salt?: SaltSource;
}

export const DEFAULT_SCRYPT_PARAMETERS: ScryptParameters = Object.freeze({ N: 16384, r: 8, p: 1 });
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const MIN_PASSWORD = 8;
const MAX_PASSWORD = 256;
const MAX_N = 2 ** 20;
/** Largest scrypt cost N·r·p accepted: four times the default (16384·8·1). */
const MAX_COST = 4 * 16384 * 8;

const maxmem = (q: ScryptParameters): number => 256 * q.N * q.r + 1024 * 1024;

function checkParameters(q: ScryptParameters, field: string): ContractsError | undefined {
  const powerOfTwo = Number.isInteger(q.N) && q.N >= 2 && q.N <= MAX_N && (q.N & (q.N - 1)) === 0;
  if (!powerOfTwo)
    return invalidPasswordHash(field, `${field}: N must be a power of two between 2 and ${MAX_N}`);
  if (!Number.isInteger(q.r) || q.r < 1 || q.r > 32)
    return invalidPasswordHash(field, `${field}: r must be 1–32`);
  if (!Number.isInteger(q.p) || q.p < 1 || q.p > 16)
    return invalidPasswordHash(field, `${field}: p must be 1–16`);
  // Bounds the work of one hash or verification (a stored hash may come from an untrusted row): at most
  // four times the default cost, well under a second.
  if (q.N * q.r * q.p > MAX_COST)
    return invalidPasswordHash(field, `${field}: N·r·p must be at most ${MAX_COST}`);
  return undefined;
}

function checkPassword(password: unknown, field: string): ContractsError | undefined {
  if (typeof password !== 'string') return weakPassword(field, `${field} must be a string`);
  if (password.length < MIN_PASSWORD)
    return weakPassword(field, `${field} must have at least ${MIN_PASSWORD} characters`);
  if (password.length > MAX_PASSWORD)
    return weakPassword(field, `${field} must have at most ${MAX_PASSWORD} characters`);
  return undefined;
}

/**
 * Hashes a customer-portal password with scrypt (node:crypto) and a random salt. The result is a
 * self-describing string `scrypt$N$r$p$salt$hash` (salt and hash in base64url); the plain password is
 * never stored or returned.
 */
export function hashPortalPassword(
  password: unknown,
  options: HashPasswordOptions = {},
  field = 'password',
): Result<string, ContractsError> {
  const weak = checkPassword(password, field);
  if (weak !== undefined) return err(weak);
  if (typeof options !== 'object' || options === null)
    return err(invalidInput('options', 'options must be an object'));
  const q = options.parameters ?? DEFAULT_SCRYPT_PARAMETERS;
  const bad = checkParameters(q, 'parameters');
  if (bad !== undefined) return err(bad);
  if (options.salt !== undefined && typeof options.salt !== 'function')
    return err(invalidInput('salt', 'salt must be a function (size) => bytes'));
  let salt: Buffer;
  try {
    salt = Buffer.from((options.salt ?? randomBytes)(SALT_LENGTH));
  } catch {
    return err(invalidPasswordHash('salt', `salt source must give ${SALT_LENGTH} bytes`));
  }
  if (salt.length < SALT_LENGTH)
    return err(invalidPasswordHash('salt', `salt source must give ${SALT_LENGTH} bytes`));
  const hash = scryptSync(password as string, salt, KEY_LENGTH, {
    N: q.N,
    r: q.r,
    p: q.p,
    maxmem: maxmem(q),
  });
  return ok(`scrypt$${q.N}$${q.r}$${q.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`);
}

const HASH = /^scrypt\$(\d{1,8})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{16,128})$/;

/**
 * Verifies a password against a stored `scrypt$N$r$p$salt$hash` string in constant time. `ok(false)` for a
 * wrong password; an error only when the stored hash is malformed.
 */
export function verifyPortalPassword(password: unknown, stored: unknown): Result<boolean, ContractsError> {
  const m = typeof stored === 'string' ? HASH.exec(stored) : null;
  if (m === null)
    return err(invalidPasswordHash('passwordHash', 'passwordHash is not a scrypt$N$r$p$salt$hash string'));
  const q = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const bad = checkParameters(q, 'passwordHash');
  if (bad !== undefined) return err(bad);
  const salt = Buffer.from(m[4]!, 'base64url');
  const expected = Buffer.from(m[5]!, 'base64url');
  if (typeof password !== 'string' || password.length === 0 || password.length > MAX_PASSWORD)
    return ok(false);
  const actual = scryptSync(password, salt, expected.length, { ...q, maxmem: maxmem(q) });
  return ok(actual.length === expected.length && timingSafeEqual(actual, expected));
}
