export * from './create-holiday-calendar';
export * from './errors';
