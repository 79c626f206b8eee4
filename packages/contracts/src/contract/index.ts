export * from './contract-billing';
export * from './create-contract';
export * from './types';
