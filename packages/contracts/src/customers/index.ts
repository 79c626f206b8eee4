export * from './address';
export * from './customer';
export * from './portal-password';
export * from './tax-id';
