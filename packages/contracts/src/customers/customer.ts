import { err, ok, type Result, safeTry } from 'neverthrow';
import { type ContractsError, invalidInput } from '../errors';
import {
  deepFreeze,
  readEach,
  readEnum,
  readId,
  readOptionalString,
  readRecord,
  readString,
} from '../internal/read';
import { type Address, readAddress } from './address';
import { type HashPasswordOptions, hashPortalPassword } from './portal-password';
import { parseTaxId, type TaxId } from './tax-id';

export interface Phone {
  /** Digits with an optional leading `+`, e.g. `+5511987654321`. */
  readonly number: string;
  readonly kind: 'mobile' | 'landline' | 'whatsapp';
}

/** Customer-portal login. Only the scrypt hash of the password is kept. */
export interface PortalCredentials {
  readonly username: string;
  /** `scrypt$N$r$p$salt$hash`, see `hashPortalPassword`. */
  readonly passwordHash: string;
}

/** A customer (M1). Plain, frozen data. */
export interface Customer {
  readonly id: string;
  readonly name: string;
  readonly taxId: TaxId;
  readonly phones: readonly Phone[];
  readonly email?: string;
  readonly address: Address;
  readonly portal?: PortalCredentials;
}

/** Input for `createCustomer`: the portal password comes in plain and leaves as a hash. */
export interface CustomerInput {
  readonly id: string;
  readonly name: string;
  /** CPF or CNPJ, masked or not; alphanumeric CNPJs accepted. */
  readonly taxId: string;
  readonly phones?: readonly Phone[];
  readonly email?: string;
  readonly address: Address;
  readonly portal?: { readonly username: string; readonly password: string };
}

const PHONE_KINDS = ['mobile', 'landline', 'whatsapp'] as const;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

function readPhone(value: unknown, field: string): Result<Phone, ContractsError> {
  return safeTry(function* () {
    const v = yield* readRecord(value, field);
    const raw = yield* readString(v['number'], `${field}.number`, { max: 30 });
    const number = raw.replace(/[\s().-]/g, '');
    if (!/^\+?[0-9]{8,15}$/.test(number)) {
      return err(
        invalidInput(`${field}.number`, `${field}.number must have 8–15 digits, optionally with a leading +`),
      );
    }
    const kind =
      v['kind'] === undefined ? 'mobile' : yield* readEnum(v['kind'], `${field}.kind`, PHONE_KINDS);
    return ok({ number, kind });
  });
}

function readPortalUsername(value: unknown, field: string): Result<string, ContractsError> {
  const s = readString(value, field, { max: 100 });
  if (s.isErr()) return s;
  return /^[A-Za-z0-9._@+-]{3,100}$/.test(s.value)
    ? ok(s.value)
    : err(invalidInput(field, `${field} must be 3–100 letters, digits or . _ @ + -`));
}

/**
 * Validates a customer (M1): name, CPF/CNPJ (alphanumeric CNPJ included), phones, e-mail, address and,
 * when given, portal credentials whose password is hashed with scrypt. The plain password is never kept.
 */
export function createCustomer(
  input: unknown,
  options: HashPasswordOptions = {},
): Result<Customer, ContractsError> {
  return safeTry(function* () {
    const v = yield* readRecord(input, 'customer');
    const id = yield* readId(v['id'], 'id');
    const name = yield* readString(v['name'], 'name');
    const taxId = yield* parseTaxId(v['taxId'], 'taxId');
    const phones = v['phones'] === undefined ? [] : yield* readEach(v['phones'], 'phones', readPhone, 20);
    const email = yield* readOptionalString(v['email'], 'email', { max: 254 });
    if (email !== undefined && !EMAIL.test(email))
      return err(invalidInput('email', 'email is not an e-mail address'));
    const address = yield* readAddress(v['address'], 'address');
    let portal: PortalCredentials | undefined;
    if (v['portal'] !== undefined) {
      const p = yield* readRecord(v['portal'], 'portal');
      const username = yield* readPortalUsername(p['username'], 'portal.username');
      const passwordHash = yield* hashPortalPassword(p['password'], options, 'portal.password');
      portal = { username, passwordHash };
    }
    return ok(
      deepFreeze({
        id,
        name,
        taxId,
        phones,
        ...(email === undefined ? {} : { email }),
        address,
        ...(portal === undefined ? {} : { portal }),
      }),
    );
  });
}

/** Sets (or replaces) the customer's portal password; returns the new customer. */
export function setPortalPassword(
  customer: Customer,
  username: unknown,
  password: unknown,
  options: HashPasswordOptions = {},
): Result<Customer, ContractsError> {
  return safeTry(function* () {
    const name = yield* readPortalUsername(username, 'portal.username');
    const passwordHash = yield* hashPortalPassword(password, options, 'portal.password');
    return ok(deepFreeze({ ...customer, portal: { username: name, passwordHash } }));
  });
}
