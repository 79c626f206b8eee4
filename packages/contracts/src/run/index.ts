export * from './apply-run';
export * from './plan-run';
