export { BENCHMARKING_RELEASE_RULES } from './benchmarking-release-rules.js';
export { type RemapForReleaseOptions, remapForRelease } from './remap-for-release.js';
export type { ReleaseFallback, ReleaseRemap, ReleaseRule, ReleaseRuleTable } from './types.js';
export {
  MAX_RELEASE_FALLBACKS,
  MAX_RELEASE_RULES,
  validateReleaseRuleTable,
} from './validate-release-rule-table.js';
export { WISPHUB_RELEASE_RULES } from './wisphub-release-rules.js';
