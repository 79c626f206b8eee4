import type { Result } from 'neverthrow';
import type { IpPolicyError } from '../errors.js';
import type { AddressListInput } from './address-list.js';
import { createIpAllocator } from './ip-allocator.js';

/**
 * Answers "is this address inside the configured customer networks?": `ok(true)` when `ip` lies in one of
 * the pools (network and broadcast addresses count as inside). Invalid input gives a typed error.
 */
export function isIpInPools(ip: string, pools: AddressListInput): Result<boolean, IpPolicyError> {
  return createIpAllocator({ pools }).andThen((allocator) => allocator.contains(ip));
}
