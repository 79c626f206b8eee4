export type { Change, Phase } from './change.js';
export type { DesiredEntry, Placement, PlanningConfig, SessionSuspension } from './desired-entry.js';
export { type ObjectNames, objectNames } from './names.js';
export { createOwnership, type OwnedMarker, type Ownership, type SubscriberRole } from './ownership.js';
export {
  type AccessPlanning,
  type AccessPlanningInput,
  outcomeOf,
  type PlanMode,
  planAccess,
  toPlannedChange,
} from './plan-access.js';
export {
  differingFields,
  isOwnedRow,
  type PlanOptions,
  type PlanResult,
  type PlanScope,
  planChanges,
  SESSION_LINKS,
} from './plan-changes.js';
export { type PlanningOptions, resolvePlanningConfig } from './planning-config.js';
export {
  type PlanUsage,
  renderBaseInfrastructure,
  renderPlanInfrastructure,
} from './render-infrastructure.js';
export { renderSubscriber } from './render-subscriber.js';
export { simulateChanges } from './simulate.js';
export { emptySnapshot, type Row, rowsOf, type Snapshot } from './snapshot.js';
