/**
 * The emulator answers through timers with millisecond granularity, so a strictly sequential client pays a
 * little more than RTT + s per round trip. This measures that overhead at a benchmark point (a loop of cheap
 * prints on one connection), so sequential baselines can also be shown without it.
 */
import { type CostParameters, costModel } from './cost.js';
import { RawClient } from './raw-client.js';
import type { RemoteEmulator } from './remote-emulator.js';
import type { Target } from './scenarios.js';

export async function sequentialOverheadMs(
  em: RemoteEmulator,
  target: Target,
  parameters: CostParameters,
  rounds = 40,
): Promise<number> {
  await em.setCost(costModel(parameters));
  const client = await RawClient.connect(target);
  try {
    await client.command(['/system/identity/print']);
    const started = performance.now();
    for (let i = 0; i < rounds; i++) await client.command(['/system/identity/print']);
    const perRound = (performance.now() - started) / rounds;
    // One row returned: r per row is part of the nominal cost.
    return Math.max(0, perRound - (parameters.rttMs + parameters.serviceMs + parameters.printPerRowMs));
  } finally {
    await client.close();
  }
}
