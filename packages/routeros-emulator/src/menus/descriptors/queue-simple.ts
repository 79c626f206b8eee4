import { parseRatePair } from '../rates';
import type { MenuSpec, Row } from '../types';
import { comment, disabled, hidden, ORDERED_COMMANDS, readOnly, text } from './common';

function limitCheck(row: Row): string | undefined {
  const max = parseRatePair(row.get('max-limit') ?? '0/0');
  const at = parseRatePair(row.get('limit-at') ?? '0/0');
  if (!max || !at) return undefined;
  if (max[0] > 0 && at[0] > max[0]) return 'failure: upload-max-limit less than upload-limit';
  if (max[1] > 0 && at[1] > max[1]) return 'failure: download-max-limit less than download-limit';
  return undefined;
}

/** `/queue/simple`: ordered, first match wins on the router; rates print in bits. */
export const queueSimple: MenuSpec = {
  path: '/queue/simple',
  commands: ORDERED_COMMANDS,
  ordered: true,
  nameKey: 'name',
  autoName: 'queue',
  unique: [{ keys: ['name'], message: 'failure: already have such name' }],
  dynamicEditMessage: 'failure: can not change dynamic queue',
  validate: limitCheck,
  attributes: [
    { name: 'name', type: { kind: 'text', nonEmpty: true } },
    { name: 'target', type: { kind: 'targets' }, default: '' },
    text('dst'),
    { name: 'parent', type: { kind: 'ref', menu: '/queue/simple', extra: ['none'] }, default: 'none' },
    text('packet-marks', { default: '' }),
    { name: 'priority', type: { kind: 'priority-pair' }, default: '8/8' },
    {
      name: 'queue',
      type: { kind: 'ref-pair', menu: '/queue/type' },
      default: 'default-small/default-small',
    },
    { name: 'limit-at', type: { kind: 'rate-pair' }, default: '0/0' },
    { name: 'max-limit', type: { kind: 'rate-pair' }, default: '0/0' },
    { name: 'burst-limit', type: { kind: 'rate-pair' }, default: '0/0' },
    { name: 'burst-threshold', type: { kind: 'rate-pair' }, default: '0/0' },
    { name: 'burst-time', type: { kind: 'time-pair' }, default: '0s/0s' },
    { name: 'bucket-size', type: { kind: 'decimal-pair' }, default: '0.1/0.1', v7Only: true },
    text('time'),
    { name: 'total-queue', type: { kind: 'ref', menu: '/queue/type' }, default: 'default-small' },
    comment,
    disabled,
    readOnly('invalid', 'false'),
    readOnly('dynamic', 'false'),
    readOnly('rate', '0/0'),
    readOnly('packet-rate', '0/0'),
    readOnly('queued-bytes', '0/0'),
    readOnly('queued-packets', '0/0'),
    readOnly('bytes', '0/0'),
    readOnly('packets', '0/0'),
    readOnly('dropped', '0/0'),
    readOnly('total-rate', '0'),
    readOnly('total-bytes', '0'),
    readOnly('total-packets', '0'),
    readOnly('total-dropped', '0'),
    hidden('owner'),
  ],
};
