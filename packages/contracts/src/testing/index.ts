export * from './access-network-conformance';
export * from './arbitraries';
export * from './fixed-holiday-calendar';
export * from './in-memory-access-network';
export * from './invalid-input-arbitraries';
export * from './recording-notifier';
