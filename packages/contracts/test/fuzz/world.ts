// Generated domain worlds for the fuzz suites: a plan catalog, a contract built from it and its invoices.
import { generateInvoice, type Invoice } from '@isp/billing';
import fc from 'fast-check';
import {
  type Contract,
  contractBillingOf,
  createContract,
  createPlanCatalog,
  type PlanCatalog,
} from '../../src/index';
import { validContract, validPlan } from '../../src/testing/index';

export interface World {
  readonly planInputs: readonly Record<string, unknown>[];
  readonly plans: PlanCatalog;
  readonly input: Record<string, unknown>;
  readonly contract: Contract;
  readonly invoices: readonly Invoice[];
}

const monthAfter = (date: string, n: number): string => {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  return `${y + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};

/** A plan catalog, a contract on it and the invoices of its first 1–4 months. */
export const worldArbitrary = (): fc.Arbitrary<World> =>
  fc
    .uniqueArray(validPlan(), { minLength: 1, maxLength: 2, selector: (p) => p['id'] })
    .chain((planInputs) =>
      fc.tuple(
        fc.constant(planInputs),
        validContract(planInputs.map((p) => p['id'] as string)),
        fc.integer({ min: 1, max: 4 }),
      ),
    )
    .map(([planInputs, input, months]) => {
      const plans = createPlanCatalog(planInputs)._unsafeUnwrap();
      const contract = createContract(input, plans)._unsafeUnwrap();
      const billing = contractBillingOf(contract);
      const invoices: Invoice[] = [];
      for (let i = 0; i <= months; i++) {
        const g = generateInvoice(billing, monthAfter(contract.startDate, i));
        if (g.isOk() && g.value.kind === 'invoice') invoices.push(g.value.invoice);
      }
      return { planInputs, plans, input, contract, invoices };
    });

let pool: readonly World[] | undefined;

/**
 * Worlds drawn once per run from {@link worldArbitrary} (building the contract arbitrary for each plan list
 * costs tens of milliseconds): 32, or 256 when ISP_FUZZ_RUNS asks for a long run. Variety comes from the
 * dates, the options and the harness's mutations.
 */
export const world = (): fc.Arbitrary<World> => {
  if (pool === undefined) {
    const runs = Number(process.env['ISP_FUZZ_RUNS'] ?? 0);
    const seed = process.env['ISP_FUZZ_SEED'] === undefined ? 4242 : Number(process.env['ISP_FUZZ_SEED']);
    pool = fc.sample(worldArbitrary(), { numRuns: runs >= 1000 ? 256 : 32, seed });
  }
  return fc.constantFrom(...pool);
};

/** A date in the life of a world's contract: from its start to about four months later. */
export const dateIn = (w: World): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: 130 }).map((n) => {
    const d = new Date(`${w.contract.startDate}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  });
