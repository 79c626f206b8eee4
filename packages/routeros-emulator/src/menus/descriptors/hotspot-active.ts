import type { MenuSpec } from '../types';
import { hidden, readOnly, SESSION_COMMANDS, uptimeSince } from './common';

/** `/ip/hotspot/active`: logged-in HotSpot users; `remove` logs the user out. */
export const hotspotActive: MenuSpec = {
  path: '/ip/hotspot/active',
  // `set` exists but every field is read-only: writing one gives `unknown parameter`.
  commands: [...SESSION_COMMANDS, 'set'],
  attributes: [
    readOnly('server'),
    readOnly('user'),
    readOnly('domain', ''),
    readOnly('address'),
    readOnly('mac-address'),
    readOnly('login-by'),
    { name: 'uptime', type: { kind: 'text' }, readOnly: true, render: uptimeSince('login-at-ms') },
    readOnly('idle-time', '0s'),
    readOnly('keepalive-timeout', '2m'),
    readOnly('bytes-in', '0'),
    readOnly('bytes-out', '0'),
    readOnly('packets-in', '0'),
    readOnly('packets-out', '0'),
    readOnly('radius', 'false'),
    hidden('profile'),
    hidden('rate-limit'),
    hidden('login-at-ms'),
  ],
};
