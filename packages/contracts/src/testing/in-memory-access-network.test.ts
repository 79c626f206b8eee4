import { describeAccessNetworkConformance } from './access-network-conformance';
import { createInMemoryAccessNetwork } from './in-memory-access-network';

describeAccessNetworkConformance('in-memory', () => {
  const network = createInMemoryAccessNetwork({
    routers: [{ routerId: 'r1', customerNetworks: ['10.0.0.0/16'] }],
  });
  return {
    network,
    routerId: 'r1',
    addForeignAccount: async (spec) => {
      network.addForeignAccount('r1', {
        method: spec.method,
        key: spec.method === 'pcq-address-list' ? `customers:${spec.ipv4}` : (spec.username ?? spec.name),
        ipv4: spec.ipv4,
        rate: spec.rate,
        ...(spec.username === undefined ? {} : { username: spec.username }),
        ...(spec.password === undefined ? {} : { password: spec.password }),
      });
    },
    teardown: async () => {},
  };
});
