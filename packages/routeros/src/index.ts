export { renderAccessPlan } from '@isp/contracts';
export * from './adapter/index.js';
export * from './apply/index.js';
export * from './errors.js';
export * from './normalize/index.js';
export * from './plan/index.js';
export * from './resources/index.js';
export * from './transport/index.js';
