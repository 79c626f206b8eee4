export { connectRawClient, type RawClient, type RawClientOptions, type RawReply } from './raw-client';
export { type BuildSnapshotResult, buildSnapshot, type SeedRows, seedRows, snapshotRows } from './seed';
