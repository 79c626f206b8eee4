import fc from 'fast-check';
import { describe, it } from 'vitest';
import { makeContract } from '../fixtures';
import { lifeCycleCommands } from './life-cycle-commands';
import type { LifeCycleModel, LifeCycleReal } from './life-cycle-model';

describe('contract life cycle (model-based)', () => {
  it('matches the model for any sequence of transitions, cancellations and reactivations; history only grows', () => {
    fc.assert(
      fc.property(fc.commands(lifeCycleCommands, { maxCommands: 40 }), (commands) => {
        const setup = () => ({
          model: { status: 'active', historyLength: 1 } satisfies LifeCycleModel as LifeCycleModel,
          real: { contract: makeContract() } satisfies LifeCycleReal as LifeCycleReal,
        });
        fc.modelRun(setup, commands);
      }),
      { numRuns: 100 },
    );
  });
});
