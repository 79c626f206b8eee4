export { hostTarget, normaliseAddress } from './address.js';
export { formatBits, parseBits } from './bits.js';
export { normaliseBoolean } from './boolean.js';
export { normaliseDuration, parseDuration } from './duration.js';
export { formatRatePair, normaliseRatePair, parseRatePair } from './rate-pair.js';
