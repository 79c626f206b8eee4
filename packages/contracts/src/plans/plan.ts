import { err, ok, type Result, safeTry } from 'neverthrow';
import { type ContractsError, invalidInput } from '../errors';
import { readAmount } from '../internal/money';
import { deepFreeze, readId, readInteger, readRecord, readString } from '../internal/read';
import type { RatePair } from '../ports/access-network';

/** A service plan: rates, the reduced rates applied while throttled (M6), and the monthly price. */
export interface Plan {
  readonly id: string;
  readonly name: string;
  readonly rate: RatePair;
  readonly throttledRate: RatePair;
  /** Monthly price, decimal string. */
  readonly price: string;
}

const MAX_BPS = 100_000_000_000;

function readRate(value: unknown, field: string): Result<RatePair, ContractsError> {
  return safeTry(function* () {
    const v = yield* readRecord(value, field);
    const uploadBps = yield* readInteger(v['uploadBps'], `${field}.uploadBps`, 1, MAX_BPS);
    const downloadBps = yield* readInteger(v['downloadBps'], `${field}.downloadBps`, 1, MAX_BPS);
    return ok({ uploadBps, downloadBps });
  });
}

/** Validates a plan. Throttled rates must not exceed the normal rates. */
export function createPlan(input: unknown): Result<Plan, ContractsError> {
  return safeTry(function* () {
    const v = yield* readRecord(input, 'plan');
    const id = yield* readId(v['id'], 'id');
    const name = yield* readString(v['name'], 'name');
    const rate = yield* readRate(v['rate'], 'rate');
    const throttledRate = yield* readRate(v['throttledRate'], 'throttledRate');
    if (throttledRate.uploadBps > rate.uploadBps || throttledRate.downloadBps > rate.downloadBps) {
      return err(invalidInput('throttledRate', 'throttledRate must not exceed rate'));
    }
    const price = yield* readAmount(v['price'], 'price');
    return ok(deepFreeze({ id, name, rate, throttledRate, price }));
  });
}

/** A lookup of plans by id. */
export type PlanCatalog = ReadonlyMap<string, Plan>;

/** Builds a catalog, rejecting duplicate ids. */
export function createPlanCatalog(plans: unknown): Result<PlanCatalog, ContractsError> {
  if (!Array.isArray(plans)) return err(invalidInput('plans', 'plans must be an array'));
  const map = new Map<string, Plan>();
  for (let i = 0; i < plans.length; i++) {
    const p = createPlan(plans[i]);
    if (p.isErr()) return err({ ...p.error, field: `plans[${i}].${p.error.field}` } as ContractsError);
    if (map.has(p.value.id))
      return err(invalidInput(`plans[${i}].id`, `plan id ${p.value.id} is used twice`));
    map.set(p.value.id, p.value);
  }
  return ok(map);
}
