export { isIpv4 } from './is-ipv4.js';
export { MAX_ADDRESS_INPUT_LENGTH, MAX_LIST_ENTRIES } from './limits.js';
export { type Cidr, parseCidr } from './parse-cidr.js';
export { parseIpv4 } from './parse-ipv4.js';
