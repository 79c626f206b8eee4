export * from './access-network';
export * from './holiday-calendar';
export * from './notice-key';
export * from './notifier';
