/** Longest string accepted where an IPv4 address or CIDR block is expected; longer input is rejected unparsed. */
export const MAX_ADDRESS_INPUT_LENGTH = 64;

/** Most entries accepted in one list (pools, exclusions, rules): bounds the work done for untrusted input. */
export const MAX_LIST_ENTRIES = 4096;
