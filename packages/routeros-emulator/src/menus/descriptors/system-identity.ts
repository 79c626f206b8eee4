import type { MenuSpec } from '../types';

/** `/system/identity`: one row, no `.id`. */
export const systemIdentity: MenuSpec = {
  path: '/system/identity',
  commands: ['print', 'getall', 'get', 'set', 'listen'],
  singleton: true,
  builtins: [{ name: 'MikroTik' }],
  attributes: [{ name: 'name', type: { kind: 'text', nonEmpty: true }, default: 'MikroTik' }],
};
