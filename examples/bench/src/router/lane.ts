/**
 * One lane of the router suite, in its own process with its own emulator: a benchmark point (mode, size,
 * RTT, s), a list of scenarios and strategies. Writes one JSON record per line to the output file.
 */
import { appendFileSync } from 'node:fs';
import { sequentialOverheadMs } from './calibrate.js';
import { costParameters } from './cost.js';
import { calibrationRecord, type LaneSpec } from './lane-spec.js';
import { measure } from './measure.js';
import { RemoteEmulator } from './remote-emulator.js';
import { SCENARIO_LABELS, ScenarioFactory, ZERO_COST } from './scenarios.js';

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LaneSpec;
  const em = await RemoteEmulator.start(ZERO_COST);
  const target = { host: '127.0.0.1', port: em.port, user: 'admin', password: '' };
  const parameters = costParameters(spec);
  const cpuStart = process.cpuUsage();
  const startedAt = performance.now();
  try {
    if (spec.calibrate === true) {
      const overhead = await sequentialOverheadMs(em, target, parameters);
      appendFileSync(spec.out, `${JSON.stringify(calibrationRecord(spec, overhead))}\n`);
    }
    const factory = new ScenarioFactory(em, target, spec.mode, spec.size);
    for (const id of spec.scenarios) {
      const scenario = await factory.build(id);
      for (const strategy of spec.strategies) {
        if (id === 'cold-factory' && strategy.kind !== 'B3') continue;
        const record = await measure({
          em,
          target,
          mode: spec.mode,
          size: spec.size,
          parameters,
          scenario,
          strategy,
        });
        appendFileSync(spec.out, `${JSON.stringify(record)}\n`);
        process.stderr.write(
          `  [${spec.lane}] ${spec.mode} n=${spec.size} rtt=${spec.rttMs} ${SCENARIO_LABELS[id]} ${strategy.label}: ` +
            `${(record.wallMs / 1000).toFixed(2)} s, ${record.writesIssued}/${record.writesNeeded} writes` +
            `${record.ok ? '' : ` FAILED: ${record.problems.join('; ')}`}\n`,
        );
      }
    }
  } finally {
    await em.close();
  }
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - startedAt;
  appendFileSync(
    spec.out,
    `${JSON.stringify({ suite: 'lane', lane: spec.lane, wallMs: wall, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `lane failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
