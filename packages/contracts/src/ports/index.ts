export * from './access-network';
export * from './holiday-calendar';
export * from './notifier';
