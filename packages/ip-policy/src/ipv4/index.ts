export { MAX_ADDRESS_INPUT_LENGTH, MAX_LIST_ENTRIES } from './limits.js';
export { type Cidr, parseCidr } from './parse-cidr.js';
export { isIpv4, parseIpv4 } from './parse-ipv4.js';
