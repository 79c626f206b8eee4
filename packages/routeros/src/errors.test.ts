import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyTrap, redact, routerTrap } from './errors.js';

describe('trap catalogue (A9)', () => {
  it('classifies every catalogued message', () => {
    const cases: [string, string][] = [
      ['failure: already have such entry', 'duplicate'],
      ['failure: already have such name', 'duplicate'],
      ['failure: secret with the same name already exists', 'duplicate'],
      ['failure: already have user with this name for this server', 'duplicate'],
      ['no such item', 'no-such-item'],
      ['invalid internal item number', 'invalid-item-number'],
      ['input does not match any value of profile', 'no-such-reference'],
      ['invalid value for argument remote-address', 'invalid-value'],
      ['ambiguous value of interface, more than one possible value matches input', 'ambiguous-value'],
      ['unknown parameter shared-users', 'unknown-parameter'],
      ['missing value(s) of argument(s) name', 'missing-argument'],
      ['no such command', 'no-such-command'],
      ['no such command or directory (caps-man)', 'no-such-command'],
      ['value of timeout is out of range (00:00:00 .. 35w3d13:13:56)', 'out-of-range'],
      ['interrupted', 'interrupted'],
      ['not enough permissions (9)', 'permission-denied'],
      ['invalid user name or password (6)', 'login-failed'],
      ['cannot log in', 'login-failed'],
      ['failure: something new', 'other'],
    ];
    for (const [message, kind] of cases) expect([message, classifyTrap(message)]).toEqual([message, kind]);
    expect(routerTrap('r', '/queue/simple/add', 'no such item')).toEqual({
      type: 'RouterTrap',
      routerId: 'r',
      command: '/queue/simple/add',
      message: 'no such item',
      category: 'no-such-item',
    });
  });
});

test.prop([fc.string(), fc.string({ minLength: 1 }).filter((s) => !s.includes('*'))])(
  'redact removes every occurrence of a secret',
  (text, secret) => {
    expect(redact(`${text}${secret}${text}${secret}`, [secret]).includes(secret)).toBe(false);
  },
);
