import type { MenuSpec } from '../types';
import { builtinFlag, comment, PLAIN_COMMANDS, text } from './common';

const TRISTATE = { kind: 'enum', values: ['default', 'no', 'yes'] } as const;

/** `/ppp/profile`: `default` and `default-encryption` are built in. */
export const pppProfile: MenuSpec = {
  path: '/ppp/profile',
  commands: PLAIN_COMMANDS,
  nameKey: 'name',
  unique: [{ keys: ['name'], message: 'failure: already have such name' }],
  builtinRemoveMessage: 'failure: can not remove default profile',
  builtins: [
    { name: 'default', 'use-encryption': 'default', default: 'true' },
    { name: 'default-encryption', 'use-encryption': 'yes', default: 'true' },
  ],
  attributes: [
    { name: 'name', type: { kind: 'text', nonEmpty: true }, required: true },
    { name: 'local-address', type: { kind: 'ip-or-pool' } },
    { name: 'remote-address', type: { kind: 'ip-or-pool' } },
    { name: 'rate-limit', type: { kind: 'rate-limit' } },
    text('address-list', { default: '' }),
    { name: 'parent-queue', type: { kind: 'ref', menu: '/queue/simple', extra: ['none'] } },
    { name: 'insert-queue-before', type: { kind: 'ref', menu: '/queue/simple', extra: ['bottom', 'first'] } },
    { name: 'only-one', type: TRISTATE, default: 'default' },
    { name: 'change-tcp-mss', type: TRISTATE, default: 'default' },
    {
      name: 'use-encryption',
      type: { kind: 'enum', values: ['default', 'no', 'required', 'yes'] },
      default: 'default',
    },
    text('dns-server'),
    text('bridge'),
    text('on-up', { default: '' }),
    text('on-down', { default: '' }),
    { name: 'session-timeout', type: { kind: 'duration' } },
    { name: 'idle-timeout', type: { kind: 'duration' } },
    comment,
    builtinFlag,
  ],
};
