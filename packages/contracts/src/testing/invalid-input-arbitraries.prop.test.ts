import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { createContract, createPlanCatalog } from '../index';
import { validPlan } from './arbitraries';
import { contractWithInvalidField } from './invalid-input-arbitraries';

const plans = createPlanCatalog(fc.sample(validPlan('p1'), 1))._unsafeUnwrap();

test.prop([contractWithInvalidField(['p1'])], { numRuns: 200 })(
  'a contract with one invalid value gets a typed error naming that field',
  ({ input, field }) => {
    const result = createContract(input, plans);
    expect(result.isErr()).toBe(true);
    expect(result._unsafeUnwrapErr().field).toBe(field);
  },
);
