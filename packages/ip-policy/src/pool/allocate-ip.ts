import type { Result } from 'neverthrow';
import type { IpPolicyError } from '../errors.js';
import {
  type AllocateOptions,
  createIpAllocator,
  type IpAllocation,
  type IpAllocatorConfig,
} from './ip-allocator.js';

export type AllocateIpOptions = IpAllocatorConfig & AllocateOptions;

/**
 * Picks a free IP for a new or reactivated service: the preferred address (e.g. the customer's previous IP)
 * when it is inside a pool, usable and free; otherwise the lowest free address, pools in the given order.
 * Skips network/broadcast addresses, exclusions and taken IPs; `PoolExhausted` when nothing is left.
 * For many allocations over the same pools, build the allocator once with {@link createIpAllocator}.
 */
export function allocateIp(options: AllocateIpOptions): Result<IpAllocation, IpPolicyError> {
  return createIpAllocator(options).andThen((allocator) => allocator.allocate(options));
}
