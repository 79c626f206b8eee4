import type { Emulator } from '@isp/routeros-emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type EmulatorNetwork, startEmulatorAccessNetwork } from '../../src/testing/index.js';
import { allCommands, ReconcileCommand } from './commands.js';
import type { Model, Real } from './model.js';

const RUNS: Readonly<Record<string, number>> = { '7.18': 200, '7.16': 40, '6.49': 40 };

for (const [rosVersion, numRuns] of Object.entries(RUNS)) {
  describe(`model-based: router state follows desired access (RouterOS ${rosVersion})`, () => {
    let env: EmulatorNetwork;
    let emulator: Emulator;
    beforeAll(async () => {
      env = await startEmulatorAccessNetwork({
        emulatorOptions: { rosVersion },
        transport: { callTimeoutMs: 1000, connectTimeoutMs: 1000, backoffMs: 5, maxBackoffMs: 20 },
      });
      emulator = env.emulator;
    });
    afterAll(async () => {
      await env.close();
    });

    it(`converges after every clean reconcile, whatever the drift and transport faults (${numRuns} runs)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(allCommands(), { maxCommands: 8 }), async (commands) => {
          emulator.faults.clear();
          emulator.reset();
          const setup = () => ({
            model: { subscribers: new Map(), foreign: [], nextForeign: 0 } as Model,
            real: { emulator, network: env.network, routerId: env.routerId } as Real,
          });
          const state = setup();
          await fc.asyncModelRun(() => state, commands);
          // Whatever happened, a clean reconcile converges.
          await new ReconcileCommand().run(state.model, state.real);
        }),
        { numRuns },
      );
    }, 120_000);
  });
}
