import type { MenuSpec } from '../types';
import { comment, disabled, LIST_COMMANDS, readOnly, text } from './common';

/** `/queue/tree`: one-directional queues; parent is `global`, an interface or another tree queue. */
export const queueTree: MenuSpec = {
  path: '/queue/tree',
  commands: LIST_COMMANDS,
  nameKey: 'name',
  autoName: 'queue',
  unique: [{ keys: ['name'], message: 'failure: already have such name' }],
  attributes: [
    { name: 'name', type: { kind: 'text', nonEmpty: true } },
    {
      name: 'parent',
      type: { kind: 'ref', menu: '/queue/tree', extra: ['global'], interfaces: true },
      required: true,
    },
    text('packet-mark', { default: '' }),
    { name: 'queue', type: { kind: 'ref', menu: '/queue/type' }, default: 'default-small' },
    { name: 'limit-at', type: { kind: 'rate' }, default: '0' },
    { name: 'max-limit', type: { kind: 'rate' }, default: '0' },
    { name: 'priority', type: { kind: 'int', min: 1, max: 8 }, default: '8' },
    { name: 'burst-limit', type: { kind: 'rate' }, default: '0' },
    { name: 'burst-threshold', type: { kind: 'rate' }, default: '0' },
    { name: 'burst-time', type: { kind: 'duration' }, default: '0s' },
    { name: 'bucket-size', type: { kind: 'decimal-pair' }, default: '0.1', v7Only: true },
    comment,
    disabled,
    readOnly('invalid', 'false'),
    readOnly('rate', '0'),
    readOnly('packet-rate', '0'),
    readOnly('queued-bytes', '0'),
    readOnly('queued-packets', '0'),
    readOnly('bytes', '0'),
    readOnly('packets', '0'),
    readOnly('dropped', '0'),
  ],
};
