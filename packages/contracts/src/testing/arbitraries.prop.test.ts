import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { plans } from '../../test/fixtures';
import { createContract } from '../contract/create-contract';
import { createCustomer } from '../customers/customer';
import { parseTaxId } from '../customers/tax-id';
import { validateDesiredAccess } from '../desired-state/validate-desired-access';
import { validateLadder } from '../ladder/validate-ladder';
import { createPlan } from '../plans/plan';
import { ACCESS_METHODS } from '../ports/access-network';
import {
  contractWithNegativeItem,
  desiredAccessWithBadMethod,
  invalidTaxId,
  stringWithControlCharacter,
  unorderedLadder,
  validContract,
  validCustomer,
  validDesiredAccess,
  validLadder,
  validPlan,
  withProtoKey,
} from './arbitraries';

const planIds = [...plans.keys()];

test.prop([validPlan()])('valid plans are accepted', (p) => {
  expect(createPlan(p).isOk()).toBe(true);
});

test.prop([validCustomer()])('valid customers (CPF or alphanumeric CNPJ) are accepted', (c) => {
  expect(createCustomer(c).isOk()).toBe(true);
});

test.prop([validContract(planIds)])('valid contracts are accepted, active, with one history entry', (c) => {
  const r = createContract(c, plans);
  expect(r.isOk() && r.value.status === 'active' && r.value.history.length === 1).toBe(true);
});

test.prop([validLadder()])('valid ladders are accepted unchanged', (l) => {
  expect(validateLadder(l)._unsafeUnwrap()).toEqual(l);
});

for (const method of ACCESS_METHODS) {
  test.prop([validDesiredAccess(method)])(
    `valid ${method} desired access is accepted inside 10.0.0.0/16`,
    (d) => {
      expect(validateDesiredAccess(d, { customerNetworks: ['10.0.0.0/16'] }).isOk()).toBe(true);
    },
  );
}

test.prop([unorderedLadder()])('unordered ladders give UnorderedLadder', (l) => {
  expect(validateLadder(l)._unsafeUnwrapErr().type).toBe('UnorderedLadder');
});

test.prop([invalidTaxId()])('invalid CPF/CNPJ give InvalidTaxId', (t) => {
  expect(parseTaxId(t)._unsafeUnwrapErr().type).toBe('InvalidTaxId');
});

test.prop([contractWithNegativeItem(planIds)])('negative items give NegativeAmount naming the field', (c) => {
  const e = createContract(c, plans)._unsafeUnwrapErr();
  expect(e.type).toBe('NegativeAmount');
  expect(e.field).toMatch(/^items\[\d+\]\.amount$/);
});

test.prop([desiredAccessWithBadMethod()])('bad methods give InvalidDesiredAccess on method', (d) => {
  expect(validateDesiredAccess(d)._unsafeUnwrapErr()).toMatchObject({
    type: 'InvalidDesiredAccess',
    field: 'method',
  });
});

test.prop([validCustomer(), stringWithControlCharacter()])(
  'control characters in names give InvalidInput',
  (c, name) => {
    expect(createCustomer({ ...c, name })._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidInput',
      field: 'name',
    });
  },
);

test.prop([validContract(planIds).chain((c) => withProtoKey(c))])(
  '__proto__ keys give InvalidInput, never a crash',
  (c) => {
    expect(createContract(c, plans)._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidInput',
      field: 'contract.__proto__',
    });
  },
);

test.prop([fc.anything()])('any value whatsoever gives a typed result, never a throw', (value) => {
  for (const r of [
    createContract(value, plans),
    createCustomer(value),
    createPlan(value),
    validateLadder(value),
  ]) {
    expect(typeof r.isOk()).toBe('boolean');
  }
});
