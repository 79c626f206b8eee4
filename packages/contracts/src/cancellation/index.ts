export * from './cancel-contract';
export * from './cancel-contracts';
