export { type ApplyContext, type ApplyResult, applyChanges, changeWords } from './apply-changes.js';
export {
  type CommandKind,
  commandKind,
  countingConnection,
  emptyCounters,
  type RunCounters,
  type RunTimings,
} from './counters.js';
export { type ProgressEvent, printWords, readMenu, readSnapshot } from './read-snapshot.js';
export { type CustomerNetworkCheck, checkWrite } from './write-guard.js';
