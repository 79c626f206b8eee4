export * from './menus.js';
export { type FieldSpec, type ResourceDescriptor, readProperties } from './resource-descriptor.js';
