export * from './desired-state/render-access-plan';
export * from './desired-state/validate-desired-access';
export * from './errors';
export * from './ports';
