import type { MenuSpec } from '../types';
import { hidden, readOnly, SESSION_COMMANDS, uptimeSince } from './common';

/** `/ppp/active`: live sessions; `remove` disconnects. Rows are created by simulated logins. */
export const pppActive: MenuSpec = {
  path: '/ppp/active',
  commands: SESSION_COMMANDS,
  attributes: [
    readOnly('name'),
    readOnly('service'),
    readOnly('caller-id'),
    readOnly('encoding', ''),
    readOnly('address'),
    { name: 'uptime', type: { kind: 'text' }, readOnly: true, render: uptimeSince('login-at-ms') },
    readOnly('session-id'),
    readOnly('limit-bytes-in', '0'),
    readOnly('limit-bytes-out', '0'),
    readOnly('radius', 'false'),
    hidden('profile'),
    hidden('rate-limit'),
    hidden('login-at-ms'),
  ],
};
