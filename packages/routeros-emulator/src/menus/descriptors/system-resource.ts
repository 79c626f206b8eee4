import type { MenuSpec } from '../types';
import { readOnly, uptimeSince } from './common';

/** `/system/resource`: read-only facts; `version` follows the emulated RouterOS version. */
export const systemResource: MenuSpec = {
  path: '/system/resource',
  commands: ['print', 'getall', 'get'],
  singleton: true,
  builtins: [{}],
  attributes: [
    { name: 'uptime', type: { kind: 'text' }, readOnly: true, render: uptimeSince('boot-at-ms') },
    {
      name: 'version',
      type: { kind: 'text' },
      readOnly: true,
      render: (_row, ctx) => `${ctx.version.text} (stable)`,
    },
    readOnly('build-time', '2025-01-01 00:00:00'),
    readOnly('factory-software', '6.40'),
    readOnly('free-memory', '805306368'),
    readOnly('total-memory', '1073741824'),
    readOnly('cpu', 'ARMv7'),
    readOnly('cpu-count', '4'),
    readOnly('cpu-frequency', '1400'),
    readOnly('cpu-load', '1'),
    readOnly('free-hdd-space', '100663296'),
    readOnly('total-hdd-space', '134217728'),
    readOnly('architecture-name', 'arm'),
    readOnly('board-name', 'RouterOS emulator'),
    readOnly('platform', 'MikroTik'),
    { name: 'boot-at-ms', type: { kind: 'text' }, readOnly: true, hidden: true },
  ],
};
