import type { MenuSpec } from '../types';
import { BYTE_LIMIT, comment, disabled, LIST_COMMANDS, text } from './common';

/** `/ppp/secret`: PPP accounts. */
export const pppSecret: MenuSpec = {
  path: '/ppp/secret',
  commands: LIST_COMMANDS,
  nameKey: 'name',
  unique: [{ keys: ['name'], message: 'failure: secret with the same name already exists' }],
  attributes: [
    { name: 'name', type: { kind: 'text', nonEmpty: true }, required: true },
    text('password', { default: '' }),
    {
      name: 'service',
      type: { kind: 'enum', values: ['any', 'async', 'isdn', 'l2tp', 'ovpn', 'pppoe', 'pptp', 'sstp'] },
      default: 'any',
    },
    { name: 'profile', type: { kind: 'ref', menu: '/ppp/profile' }, default: 'default' },
    { name: 'local-address', type: { kind: 'ip' } },
    { name: 'remote-address', type: { kind: 'ip' } },
    text('caller-id', { default: '' }),
    text('routes', { default: '' }),
    { name: 'limit-bytes-in', type: BYTE_LIMIT, default: '0' },
    { name: 'limit-bytes-out', type: BYTE_LIMIT, default: '0' },
    comment,
    disabled,
  ],
};
