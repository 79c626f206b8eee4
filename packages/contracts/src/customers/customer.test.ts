import { describe, expect, it } from 'vitest';
import { address } from '../../test/fixtures';
import { createCustomer, setPortalPassword } from './customer';
import { verifyPortalPassword } from './portal-password';

const fast = { parameters: { N: 1024, r: 8, p: 1 }, salt: (n: number) => new Uint8Array(n).fill(1) };
const input = {
  id: 'cust-1',
  name: 'Maria da Silva',
  taxId: '295.379.955-93',
  phones: [{ number: '+55 (19) 98765-4321', kind: 'whatsapp' }],
  email: 'maria@example.com',
  address,
  portal: { username: 'maria', password: 'Ipe-Amarelo-2026' },
};

describe('createCustomer', () => {
  it('validates and normalises a customer, keeping only the password hash', () => {
    const c = createCustomer(input, fast)._unsafeUnwrap();
    expect(c).toMatchObject({
      id: 'cust-1',
      taxId: { kind: 'cpf', value: '29537995593' },
      phones: [{ number: '+5519987654321', kind: 'whatsapp' }],
      portal: { username: 'maria' },
    });
    expect(JSON.stringify(c)).not.toContain('Ipe-Amarelo-2026');
    expect(verifyPortalPassword('Ipe-Amarelo-2026', c.portal?.passwordHash)._unsafeUnwrap()).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('accepts a company with an alphanumeric CNPJ and no portal', () => {
    const { portal: _, ...rest } = input;
    expect(createCustomer({ ...rest, taxId: '12.ABC.345/01DE-35' })._unsafeUnwrap().taxId).toEqual({
      kind: 'cnpj',
      value: '12ABC34501DE35',
    });
  });

  it.each([
    [{ taxId: '295.379.955-00' }, 'InvalidTaxId', 'taxId'],
    [{ name: '' }, 'InvalidInput', 'name'],
    [{ name: 'Maria\u0007' }, 'InvalidInput', 'name'],
    [{ name: 'x'.repeat(201) }, 'InvalidInput', 'name'],
    [{ phones: [{ number: '12' }] }, 'InvalidInput', 'phones[0].number'],
    [{ email: 'not-an-email' }, 'InvalidInput', 'email'],
    [{ address: { ...address, country: 'Brasil' } }, 'InvalidInput', 'address.country'],
    [{ portal: { username: 'maria', password: 'short' } }, 'WeakPassword', 'portal.password'],
    [{ id: '__proto__' }, 'InvalidInput', 'id'],
  ])('rejects %j', (patch, type, field) => {
    const e = createCustomer({ ...input, ...patch }, fast)._unsafeUnwrapErr();
    expect(e).toMatchObject({ type, field });
    expect(JSON.stringify(e)).not.toContain('Ipe-Amarelo');
  });

  it('rejects __proto__ keys and non-objects', () => {
    expect(createCustomer(JSON.parse('{"__proto__": {"isAdmin": true}}'))._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidInput',
      field: 'customer.__proto__',
    });
    expect(createCustomer(null)._unsafeUnwrapErr().type).toBe('InvalidInput');
  });

  it('sets a new portal password', () => {
    const c = createCustomer(input, fast)._unsafeUnwrap();
    const next = setPortalPassword(c, 'maria', 'Novo-Segredo-99', fast)._unsafeUnwrap();
    expect(verifyPortalPassword('Novo-Segredo-99', next.portal?.passwordHash)._unsafeUnwrap()).toBe(true);
    expect(verifyPortalPassword('Ipe-Amarelo-2026', next.portal?.passwordHash)._unsafeUnwrap()).toBe(false);
  });
});
