export { type ApiConnectionOptions, createApiConnection } from './api-connection.js';
export type {
  ConnectionSettings,
  TlsSettings,
  TransportEvent,
  TransportOptions,
} from './connection-settings.js';
export type { RouterConnection, Sentence } from './router-connection.js';
export {
  createWindowController,
  type WindowController,
  type WindowOutcome,
  type WindowSettings,
  type WindowState,
  type WindowTicket,
} from './window-controller.js';
