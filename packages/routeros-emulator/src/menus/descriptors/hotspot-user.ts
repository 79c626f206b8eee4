import type { MenuSpec } from '../types';
import { BYTE_LIMIT, builtinFlag, comment, disabled, LIST_COMMANDS, readOnly, text } from './common';

/** `/ip/hotspot/user`: names are unique per server. */
export const hotspotUser: MenuSpec = {
  path: '/ip/hotspot/user',
  commands: LIST_COMMANDS,
  nameKey: 'name',
  unique: [
    { keys: ['name', 'server'], message: 'failure: already have user with this name for this server' },
  ],
  builtinRemoveMessage: 'failure: default trial user can not be removed',
  attributes: [
    text('server', { default: 'all' }),
    { name: 'name', type: { kind: 'text', nonEmpty: true }, required: true },
    text('password', { default: '' }),
    { name: 'profile', type: { kind: 'ref', menu: '/ip/hotspot/user/profile' }, default: 'default' },
    { name: 'address', type: { kind: 'ip' }, default: '0.0.0.0' },
    { name: 'mac-address', type: { kind: 'mac' }, default: '00:00:00:00:00:00' },
    { name: 'limit-uptime', type: { kind: 'duration' }, default: '0s' },
    { name: 'limit-bytes-in', type: BYTE_LIMIT, default: '0' },
    { name: 'limit-bytes-out', type: BYTE_LIMIT, default: '0' },
    { name: 'limit-bytes-total', type: BYTE_LIMIT, default: '0' },
    text('routes'),
    text('email'),
    text('otp-secret', { v7Only: true }),
    comment,
    disabled,
    readOnly('uptime', '0s'),
    readOnly('bytes-in', '0'),
    readOnly('bytes-out', '0'),
    readOnly('packets-in', '0'),
    readOnly('packets-out', '0'),
    readOnly('dynamic', 'false'),
    builtinFlag,
  ],
};
