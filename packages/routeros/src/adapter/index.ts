export { addressListKey, discoverAccounts } from './discover-accounts.js';
export type { ConnectionFactory, RouterDefinition, RouterOsAccessNetworkOptions } from './options.js';
export type { RouterRunResult, RouterSyncReport } from './report.js';
export {
  createRouterOsAccessNetwork,
  type InvalidAdapterOptions,
  type RouterJob,
  type RouterOsAccessNetwork,
} from './routeros-access-network.js';
