export {
  type DesiredAccessArbitraryOptions,
  desiredAccessFor,
  desiredAccessSetArbitrary,
  hostileRowArbitrary,
  hostileValueArbitrary,
  SAMPLE_PLANS,
} from './arbitraries.js';
export {
  type EmulatorNetwork,
  type EmulatorNetworkOptions,
  LOOPBACK_ONLY,
  startEmulatorAccessNetwork,
  TEST_TRANSPORT,
} from './emulator-network.js';
