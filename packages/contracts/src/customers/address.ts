import { err, ok, type Result } from 'neverthrow';
import { type ContractsError, invalidInput } from '../errors';
import { readOptionalString, readRecord, readString } from '../internal/read';

/** A postal address. `country` is an ISO 3166-1 alpha-2 code. */
export interface Address {
  readonly street: string;
  readonly number: string;
  readonly complement?: string;
  readonly district?: string;
  readonly city: string;
  /** State / UF / department, e.g. `SP`. */
  readonly state: string;
  readonly postalCode: string;
  readonly country: string;
}

export function readAddress(value: unknown, field: string): Result<Address, ContractsError> {
  const rec = readRecord(value, field);
  if (rec.isErr()) return err(rec.error);
  const v = rec.value;
  const street = readString(v['street'], `${field}.street`);
  if (street.isErr()) return err(street.error);
  const number = readString(v['number'], `${field}.number`, { max: 20 });
  if (number.isErr()) return err(number.error);
  const complement = readOptionalString(v['complement'], `${field}.complement`);
  if (complement.isErr()) return err(complement.error);
  const district = readOptionalString(v['district'], `${field}.district`, { max: 100 });
  if (district.isErr()) return err(district.error);
  const city = readString(v['city'], `${field}.city`, { max: 100 });
  if (city.isErr()) return err(city.error);
  const state = readString(v['state'], `${field}.state`, { max: 50 });
  if (state.isErr()) return err(state.error);
  const postalCode = readString(v['postalCode'], `${field}.postalCode`, { max: 20 });
  if (postalCode.isErr()) return err(postalCode.error);
  if (!/^[0-9A-Za-z -]{3,20}$/.test(postalCode.value)) {
    return err(
      invalidInput(`${field}.postalCode`, `${field}.postalCode must be letters, digits, spaces or '-'`),
    );
  }
  const country = v['country'];
  if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) {
    return err(
      invalidInput(`${field}.country`, `${field}.country must be an ISO 3166-1 alpha-2 code such as BR`),
    );
  }
  return ok({
    street: street.value,
    number: number.value,
    ...(complement.value === undefined ? {} : { complement: complement.value }),
    ...(district.value === undefined ? {} : { district: district.value }),
    city: city.value,
    state: state.value,
    postalCode: postalCode.value,
    country,
  });
}
