export * from './apply-ladder';
export * from './evaluate-ladder';
export * from './grant-payment-promise';
export * from './invoice-view';
export * from './jurisdiction';
export * from './record-notice';
export * from './types';
export * from './validate-ladder';
