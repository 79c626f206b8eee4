export * from './access-network-conformance';
export * from './in-memory-access-network';
