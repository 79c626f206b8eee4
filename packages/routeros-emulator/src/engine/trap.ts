/** One `!trap` sentence: `=message=` always, `=category=` only where RouterOS is known to send it. */
export interface Trap {
  readonly message: string;
  readonly category?: number;
}

export const trap = (message: string, category?: number): Trap =>
  category === undefined ? { message } : { message, category };

export const TRAPS = {
  noSuchItem: (): Trap => trap('no such item'),
  invalidId: (): Trap => trap('invalid internal item number'),
  unknownParameter: (name: string): Trap => trap(`unknown parameter ${name}`),
  missing: (names: readonly string[]): Trap => trap(`missing value(s) of argument(s) ${names.join(' ')}`),
  noSuchCommand: (): Trap => trap('no such command'),
  interrupted: (): Trap => trap('interrupted', 2),
  notEnoughPermissions: (): Trap => trap('not enough permissions (9)'),
  notLoggedIn: (): Trap => trap('not logged in'),
} as const;
