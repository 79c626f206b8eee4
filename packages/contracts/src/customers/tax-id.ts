import { cnpj, cpf } from 'cpf-cnpj-validator';
import { err, ok, type Result } from 'neverthrow';
import { type ContractsError, invalidTaxId } from '../errors';

/** A Brazilian tax id, normalised: CPF as 11 digits, CNPJ as 14 characters (12 alphanumeric + 2 check digits). */
export interface TaxId {
  readonly kind: 'cpf' | 'cnpj';
  readonly value: string;
}

const SHAPE = /^[0-9A-Za-z./\- ]{11,20}$/;

/**
 * Parses and validates a CPF or CNPJ, with or without the usual mask. CNPJs may be alphanumeric (the RFB
 * format in force since July 2026: `12.ABC.345/01DE-35`). Validation is delegated to `cpf-cnpj-validator`.
 */
export function parseTaxId(value: unknown, field = 'taxId'): Result<TaxId, ContractsError> {
  if (typeof value !== 'string' || !SHAPE.test(value)) {
    return err(
      invalidTaxId(field, 'unknown', `${field} must be a CPF (11 digits) or a CNPJ (14 characters)`),
    );
  }
  const raw = value.replace(/[./\- ]/g, '').toUpperCase();
  if (raw.length === 11 && /^\d{11}$/.test(raw)) {
    return cpf.isValid(raw, true)
      ? ok({ kind: 'cpf', value: raw })
      : err(invalidTaxId(field, 'cpf', `${field} is not a valid CPF`));
  }
  if (raw.length === 14 && /^[0-9A-Z]{12}\d{2}$/.test(raw)) {
    return cnpj.isValid(raw, true)
      ? ok({ kind: 'cnpj', value: raw })
      : err(invalidTaxId(field, 'cnpj', `${field} is not a valid CNPJ`));
  }
  return err(invalidTaxId(field, 'unknown', `${field} must be a CPF (11 digits) or a CNPJ (14 characters)`));
}

/** The tax id with its official mask: `123.456.789-09` or `12.ABC.345/01DE-35`. */
export function formatTaxId(taxId: TaxId): string {
  return taxId.kind === 'cpf' ? cpf.format(taxId.value) : cnpj.format(taxId.value);
}
