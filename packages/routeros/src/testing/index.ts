export {
  type DesiredAccessArbitraryOptions,
  desiredAccessFor,
  desiredAccessSetArbitrary,
  hostileRowArbitrary,
  hostileValueArbitrary,
  SAMPLE_PLANS,
} from './arbitraries.js';
