export { type ApiConnectionOptions, createApiConnection } from './api-connection.js';
export type {
  ConnectionSettings,
  TlsSettings,
  TransportEvent,
  TransportOptions,
} from './connection-settings.js';
export type { RouterConnection, Sentence } from './router-connection.js';
