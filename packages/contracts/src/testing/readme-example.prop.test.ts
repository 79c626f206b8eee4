import { fc, test } from '@fast-check/vitest';
import { createContract, createPlanCatalog, desiredAccessOf } from '../index';
import { validContract, validPlan } from './arbitraries';

// The example of the README, kept compiling and passing.
test.prop(
  [
    fc
      .uniqueArray(validPlan(), { minLength: 1, maxLength: 3, selector: (p) => p.id })
      .chain((ps) => fc.tuple(fc.constant(ps), validContract(ps.map((p) => p.id as string)))),
  ],
  { numRuns: 50 },
)('every internet account of a new contract is provisioned active', ([ps, input]) => {
  const plans = createPlanCatalog(ps)._unsafeUnwrap();
  const contract = createContract(input, plans)._unsafeUnwrap();
  const desired = desiredAccessOf(contract, plans)._unsafeUnwrap();
  return desired.length > 0 && desired.every((d) => d.state === 'active');
});
