/**
 * fast-check arbitraries for property tests around `@isp/ip-policy` (requires the optional peer
 * dependency `fast-check`).
 */
export {
  garbageString,
  invalidIpv4,
  invalidIpv4String,
  ipv4WithControlCharacters,
  ipv6,
  leadingZeroIpv4,
  nonFourPartIpv4,
  nonStringValue,
  outOfRangeIpv4,
  oversizedString,
} from './invalid-arbitraries.js';
export { withPrototypeKeys } from './prototype-keys.js';
export {
  type CidrConstraints,
  cidr,
  ipv4,
  ipv4InCidr,
  ipv4InPools,
  type PoolListConstraints,
  poolList,
  type TakenSetConstraints,
  takenSet,
} from './valid-arbitraries.js';
