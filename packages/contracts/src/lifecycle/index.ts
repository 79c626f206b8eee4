export * from './transition-contract';
