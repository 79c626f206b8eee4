import type { MenuSpec, Row } from '../types';
import { builtinFlag, PLAIN_COMMANDS } from './common';

const CLASSIFIERS = ['src-address', 'dst-address', 'src-port', 'dst-port'];

const builtin = (name: string, kind: string, extra: Record<string, string> = {}): Record<string, string> => ({
  name,
  kind,
  default: 'true',
  ...extra,
});

function classifierCheck(row: Row): string | undefined {
  const value = row.get('pcq-classifier') ?? '';
  if (value === '') return undefined;
  return value.split(',').every((part) => CLASSIFIERS.includes(part))
    ? undefined
    : 'input does not match any value of pcq-classifier';
}

/** `/queue/type`: built-in types cannot be removed. */
export const queueType: MenuSpec = {
  path: '/queue/type',
  commands: PLAIN_COMMANDS,
  nameKey: 'name',
  unique: [{ keys: ['name'], message: 'failure: already have such name' }],
  builtinRemoveMessage: 'failure: can not remove builtin queue type',
  validate: classifierCheck,
  builtins: [
    builtin('default', 'pfifo'),
    builtin('ethernet-default', 'pfifo'),
    builtin('wireless-default', 'sfq'),
    builtin('synchronous-default', 'red'),
    builtin('hotspot-default', 'sfq'),
    builtin('pcq-upload-default', 'pcq', { 'pcq-classifier': 'src-address' }),
    builtin('pcq-download-default', 'pcq', { 'pcq-classifier': 'dst-address' }),
    builtin('only-hardware-queue', 'none'),
    builtin('multi-queue-ethernet-default', 'mq-pfifo'),
    builtin('default-small', 'pfifo'),
  ],
  attributes: [
    { name: 'name', type: { kind: 'text', nonEmpty: true }, required: true },
    {
      name: 'kind',
      type: {
        kind: 'enum',
        values: ['bfifo', 'cake', 'fq-codel', 'mq-pfifo', 'none', 'pcq', 'pfifo', 'red', 'sfq'],
      },
      required: true,
    },
    { name: 'pcq-rate', type: { kind: 'rate' }, default: '0' },
    { name: 'pcq-classifier', type: { kind: 'text' }, default: '' },
    { name: 'pcq-limit', type: { kind: 'int', min: 1, max: 4_294_967 }, default: '50' },
    { name: 'pcq-total-limit', type: { kind: 'int', min: 1, max: 4_294_967 }, default: '2000' },
    { name: 'pcq-burst-rate', type: { kind: 'rate' }, default: '0' },
    { name: 'pcq-burst-threshold', type: { kind: 'rate' }, default: '0' },
    { name: 'pcq-burst-time', type: { kind: 'duration' }, default: '10s' },
    { name: 'pcq-src-address-mask', type: { kind: 'int', min: 0, max: 32 }, default: '32' },
    { name: 'pcq-dst-address-mask', type: { kind: 'int', min: 0, max: 32 }, default: '32' },
    { name: 'pcq-src-address6-mask', type: { kind: 'int', min: 0, max: 128 }, default: '128' },
    { name: 'pcq-dst-address6-mask', type: { kind: 'int', min: 0, max: 128 }, default: '128' },
    builtinFlag,
  ],
};
