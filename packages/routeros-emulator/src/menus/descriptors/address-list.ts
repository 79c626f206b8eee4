import type { MenuSpec } from '../types';
import {
  comment,
  disabled,
  formatTimestamp,
  hidden,
  LIST_COMMANDS,
  readOnly,
  remainingUntil,
  text,
} from './common';

/** `/ip/firewall/address-list`: an entry with `timeout` is dynamic and expires. */
export const addressList: MenuSpec = {
  path: '/ip/firewall/address-list',
  commands: LIST_COMMANDS,
  unique: [{ keys: ['list', 'address'], message: 'failure: already have such entry' }],
  expiryField: 'expires-at-ms',
  afterWrite: (row, ctx, written) => {
    if (!row.has('created-at-ms')) row.set('created-at-ms', String(ctx.now));
    if (written.has('timeout')) {
      const seconds = Number(row.get('timeout'));
      row.delete('timeout');
      if (seconds > 0) {
        row.set('expires-at-ms', String(ctx.now + seconds * 1000));
        row.set('dynamic', 'true');
      } else {
        row.delete('expires-at-ms');
        row.set('dynamic', 'false');
      }
    }
  },
  attributes: [
    text('list', { type: { kind: 'text', nonEmpty: true }, required: true }),
    { name: 'address', type: { kind: 'list-address' }, required: true },
    { name: 'timeout', type: { kind: 'timeout' }, render: remainingUntil('expires-at-ms') },
    comment,
    disabled,
    readOnly('dynamic', 'false'),
    {
      name: 'creation-time',
      type: { kind: 'text' },
      readOnly: true,
      render: (row, ctx) => {
        const created = Number(row.get('created-at-ms'));
        return Number.isFinite(created) ? formatTimestamp(created, ctx) : undefined;
      },
    },
    hidden('created-at-ms'),
    hidden('expires-at-ms'),
    hidden('owner'),
  ],
};
