import { describe, expect, it } from 'vitest';
import { formatTaxId, parseTaxId } from './tax-id';

/** The RFB check-digit algorithm (Nota Técnica 49/2024): value = char code − 48, weights 2..9 from the right. */
function cnpjCheckDigit(base: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = base.length - 1; i >= 0; i--) {
    sum += (base.charCodeAt(i) - 48) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}
const withCheckDigits = (base12: string): string => {
  const d1 = cnpjCheckDigit(base12);
  return `${base12}${d1}${cnpjCheckDigit(`${base12}${d1}`)}`;
};

describe('parseTaxId', () => {
  it('accepts a valid CPF with or without the mask', () => {
    expect(parseTaxId('295.379.955-93')._unsafeUnwrap()).toEqual({ kind: 'cpf', value: '29537995593' });
    expect(parseTaxId('29537995593')._unsafeUnwrap()).toEqual({ kind: 'cpf', value: '29537995593' });
  });

  it('accepts a numeric CNPJ', () => {
    expect(parseTaxId('54.550.752/0001-55')._unsafeUnwrap()).toEqual({
      kind: 'cnpj',
      value: '54550752000155',
    });
  });

  it('accepts an alphanumeric CNPJ whose check digits come from the official algorithm', () => {
    const cnpj = withCheckDigits('12ABC34501DE');
    expect(cnpj).toBe('12ABC34501DE35');
    expect(parseTaxId(cnpj)._unsafeUnwrap()).toEqual({ kind: 'cnpj', value: '12ABC34501DE35' });
    expect(parseTaxId('12.abc.345/01de-35')._unsafeUnwrap().value).toBe('12ABC34501DE35');
    const other = withCheckDigits('A1B2C3D4E5F6');
    expect(parseTaxId(other).isOk()).toBe(true);
    expect(formatTaxId({ kind: 'cnpj', value: cnpj })).toBe('12.ABC.345/01DE-35');
  });

  it.each([
    ['295.379.955-94', 'cpf'],
    ['111.111.111-11', 'cpf'],
    ['12ABC34501DE36', 'cnpj'],
    ['12ABC34501DEX5', 'unknown'],
    ['1234', 'unknown'],
    ['295.379.955-93\u0000', 'unknown'],
  ])('rejects %j as %s', (value, kind) => {
    expect(parseTaxId(value, 'customer.taxId')._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidTaxId',
      field: 'customer.taxId',
      kind,
    });
  });

  it('rejects non-strings', () => {
    expect(parseTaxId(29537995593)._unsafeUnwrapErr().type).toBe('InvalidTaxId');
  });
});
