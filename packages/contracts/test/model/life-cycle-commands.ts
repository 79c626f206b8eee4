import fc from 'fast-check';
import { expect } from 'vitest';
import { cancelContract } from '../../src/cancellation/cancel-contract';
import type { ContractStatus } from '../../src/contract/types';
import { transitionContract } from '../../src/lifecycle/transition-contract';
import { reactivateContract } from '../../src/reactivation/reactivate-contract';
import { plans } from '../fixtures';
import { allowed, type LifeCycleModel, type LifeCycleReal } from './life-cycle-model';

const DATE = '2026-06-20';

function assertSame(
  model: LifeCycleModel,
  real: LifeCycleReal,
  before: LifeCycleReal['contract']['history'],
): void {
  expect(real.contract.status).toBe(model.status);
  expect(real.contract.history).toHaveLength(model.historyLength);
  expect(real.contract.history.slice(0, before.length)).toEqual(before);
}

/** Any transition through `transitionContract`: legal ones move, illegal ones give IllegalTransition. */
export class TransitionCommand implements fc.Command<LifeCycleModel, LifeCycleReal> {
  constructor(readonly to: ContractStatus) {}
  check(): boolean {
    return true;
  }
  run(model: LifeCycleModel, real: LifeCycleReal): void {
    const before = real.contract.history;
    const r = transitionContract(real.contract, this.to, { date: DATE, reason: `to ${this.to}` });
    if (allowed(model.status, this.to)) {
      real.contract = r._unsafeUnwrap();
      model.status = this.to;
      model.historyLength += 1;
      expect(real.contract.history.at(-1)).toMatchObject({
        event: 'status-changed',
        to: this.to,
        date: DATE,
      });
    } else {
      expect(r._unsafeUnwrapErr().type).toBe('IllegalTransition');
    }
    assertSame(model, real, before);
  }
  toString(): string {
    return `transition(${this.to})`;
  }
}

/** Cancel with `cancelContract` (no options): only when not cancelled; one history entry. */
export class CancelCommand implements fc.Command<LifeCycleModel, LifeCycleReal> {
  check(): boolean {
    return true;
  }
  run(model: LifeCycleModel, real: LifeCycleReal): void {
    const before = real.contract.history;
    const r = cancelContract(real.contract, [], { date: DATE, reason: 'customer request', plans });
    if (model.status === 'cancelled') {
      expect(r._unsafeUnwrapErr().type).toBe('ContractAlreadyCancelled');
    } else {
      real.contract = r._unsafeUnwrap().contract;
      model.status = 'cancelled';
      model.historyLength += 1;
    }
    assertSame(model, real, before);
  }
  toString(): string {
    return 'cancel()';
  }
}

/** Reactivate with `reactivateContract`: only when cancelled; the previous IP is free, so no IP change. */
export class ReactivateCommand implements fc.Command<LifeCycleModel, LifeCycleReal> {
  check(): boolean {
    return true;
  }
  run(model: LifeCycleModel, real: LifeCycleReal): void {
    const before = real.contract.history;
    const r = reactivateContract(real.contract, [], {
      date: DATE,
      pools: ['10.0.1.0/24'],
      taken: new Set<string>(),
      plans,
    });
    if (model.status !== 'cancelled') {
      expect(r._unsafeUnwrapErr().type).toBe('ContractNotCancelled');
    } else {
      real.contract = r._unsafeUnwrap().contract;
      model.status = 'active';
      model.historyLength += 1;
    }
    assertSame(model, real, before);
  }
  toString(): string {
    return 'reactivate()';
  }
}

export const lifeCycleCommands = [
  fc
    .constantFrom<ContractStatus>('active', 'throttled', 'suspended', 'cancelled')
    .map((to) => new TransitionCommand(to)),
  fc.constant(new CancelCommand()),
  fc.constant(new ReactivateCommand()),
];
