import type { ForeignAccountSpec } from '@isp/contracts/testing';
import { describeAccessNetworkConformance } from '@isp/contracts/testing';
import { afterAll } from 'vitest';
import { type EmulatorNetwork, startEmulatorAccessNetwork } from '../../src/testing/index.js';

const VERSIONS = ['6.49', '7.16', '7.18'] as const;

async function plantForeign(env: EmulatorNetwork, spec: ForeignAccountSpec): Promise<void> {
  const rate = `${spec.rate.uploadBps}/${spec.rate.downloadBps}`;
  const op = env.emulator.operator;
  const result =
    spec.method === 'simple-queue'
      ? op.add('/queue/simple', { name: spec.name, target: `${spec.ipv4}/32`, 'max-limit': rate })
      : spec.method === 'pcq-address-list'
        ? op.add('/ip/firewall/address-list', { list: 'tech-plan', address: spec.ipv4 })
        : spec.method === 'pppoe'
          ? op.add('/ppp/secret', {
              name: spec.username ?? spec.name,
              password: spec.password ?? 'x',
              service: 'pppoe',
              'remote-address': spec.ipv4,
            })
          : op.add('/ip/hotspot/user', {
              name: spec.username ?? spec.name,
              password: spec.password ?? 'x',
              address: spec.ipv4,
            });
  if (!result.ok)
    throw new Error(`could not plant ${spec.method}: ${result.traps.map((t) => t.message).join('; ')}`);
}

for (const rosVersion of VERSIONS) {
  let env: Promise<EmulatorNetwork> | undefined;
  const shared = (): Promise<EmulatorNetwork> => {
    env ??= startEmulatorAccessNetwork({ emulatorOptions: { rosVersion } });
    return env;
  };
  afterAll(async () => {
    if (env !== undefined) await (await env).close();
  });
  describeAccessNetworkConformance(`RouterOS ${rosVersion} (emulator)`, async () => {
    const current = await shared();
    current.emulator.reset();
    return {
      network: current.network,
      routerId: current.routerId,
      addForeignAccount: (spec) => plantForeign(current, spec),
      teardown: async () => {
        current.emulator.faults.clear();
      },
    };
  });
}
