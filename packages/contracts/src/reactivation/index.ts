export * from './reactivate-contract';
