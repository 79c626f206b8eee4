export * from './create-contract';
export * from './types';
