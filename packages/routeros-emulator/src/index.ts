export type { CommandKind } from './engine/execute-command';
export type { SeedResult, SnapshotOptions, StateSnapshot } from './engine/snapshot';
export { MENU_PATHS } from './engine/snapshot';
export type {
  HotspotLogin,
  LoginOutcome,
  LoginRefusal,
  PppLogin,
  SubscriberSession,
} from './engine/subscribers';
export type { Trap } from './engine/trap';
export {
  DEFAULT_DECODER_LIMITS,
  type DecodeError,
  type DecodeOutput,
  type DecoderLimits,
  decodeLength,
  encodeLength,
  encodeSentence,
  encodeWord,
  type LengthPrefix,
  MAX_WORD_LENGTH,
  SentenceDecoder,
} from './protocol/index';
export type { ConnectionLimits } from './server/connection';
export {
  COST_PROFILES,
  type CostModel,
  type CostModelInput,
  DEFAULT_MAX_SESSIONS,
  resolveCostModel,
} from './server/cost-model';
export {
  DEFAULT_LIMITS,
  type Emulator,
  type EmulatorOptions,
  type FaultControls,
  type OperatorControls,
  type OperatorResult,
  type SentenceLogControls,
  type SubscriberControls,
  startEmulator,
} from './server/emulator';
export type { FaultPlan } from './server/faults';
export { parseRosVersion, type RosVersion, type VersionParse } from './server/ros-version';
export type { RecordedSentence, SentenceLogLimits } from './server/sentence-log';
export type { EmulatorStats } from './server/stats';
export { TEST_TLS_CERT, TEST_TLS_KEY } from './server/test-certificate';
export type { UserAccount } from './server/users';
