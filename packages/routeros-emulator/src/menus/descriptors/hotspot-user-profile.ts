import type { MenuSpec } from '../types';
import { bool, builtinFlag, PLAIN_COMMANDS, text } from './common';

/** `/ip/hotspot/user/profile`: no `disabled`; `default` is built in. */
export const hotspotUserProfile: MenuSpec = {
  path: '/ip/hotspot/user/profile',
  commands: PLAIN_COMMANDS,
  nameKey: 'name',
  unique: [{ keys: ['name'], message: 'failure: already have such name' }],
  builtinRemoveMessage: 'failure: can not remove default profile',
  builtins: [{ name: 'default', default: 'true' }],
  attributes: [
    { name: 'name', type: { kind: 'text', nonEmpty: true }, required: true },
    { name: 'rate-limit', type: { kind: 'rate-limit' } },
    text('address-list', { default: '' }),
    { name: 'shared-users', type: { kind: 'int', min: 1, max: 1_000_000 }, default: '1' },
    { name: 'session-timeout', type: { kind: 'duration' } },
    { name: 'idle-timeout', type: { kind: 'text' }, default: 'none' },
    { name: 'keepalive-timeout', type: { kind: 'duration' }, default: '2m' },
    { name: 'status-autorefresh', type: { kind: 'duration' }, default: '1m' },
    { name: 'mac-cookie-timeout', type: { kind: 'duration' }, default: '3d' },
    bool('add-mac-cookie', 'true'),
    text('address-pool', { default: 'none' }),
    text('incoming-filter'),
    text('outgoing-filter'),
    text('incoming-packet-mark'),
    text('outgoing-packet-mark'),
    text('on-login', { default: '' }),
    text('on-logout', { default: '' }),
    bool('transparent-proxy', 'false'),
    {
      name: 'open-status-page',
      type: { kind: 'enum', values: ['always', 'http-login'] },
      default: 'always',
    },
    builtinFlag,
  ],
};
