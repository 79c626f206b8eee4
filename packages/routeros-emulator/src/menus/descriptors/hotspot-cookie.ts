import type { MenuSpec } from '../types';
import { hidden, readOnly, remainingUntil, SESSION_COMMANDS } from './common';

/** `/ip/hotspot/cookie`: login cookies; `remove` forces a fresh login next time. */
export const hotspotCookie: MenuSpec = {
  path: '/ip/hotspot/cookie',
  commands: SESSION_COMMANDS,
  expiryField: 'expires-at-ms',
  attributes: [
    readOnly('user'),
    readOnly('domain', ''),
    readOnly('mac-address'),
    { name: 'expires-in', type: { kind: 'text' }, readOnly: true, render: remainingUntil('expires-at-ms') },
    readOnly('mac-cookie', 'true'),
    hidden('expires-at-ms'),
  ],
};
