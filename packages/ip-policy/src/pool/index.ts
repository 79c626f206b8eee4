export { type AddressListInput, MIN_POOL_PREFIX } from './address-list.js';
export { type AllocateIpOptions, allocateIp } from './allocate-ip.js';
export {
  type AddressStatus,
  type AllocateOptions,
  createIpAllocator,
  type IpAllocation,
  type IpAllocator,
  type IpAllocatorConfig,
  type PreferenceOutcome,
} from './ip-allocator.js';
export { isIpInPools } from './is-ip-in-pools.js';
export { parsePoolList } from './parse-pool-list.js';
