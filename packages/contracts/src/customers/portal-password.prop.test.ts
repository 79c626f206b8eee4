import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { hashPortalPassword, verifyPortalPassword } from './portal-password';

const fast = { parameters: { N: 16, r: 1, p: 1 } };

test.prop([fc.string({ minLength: 8, maxLength: 40 }), fc.string({ minLength: 8, maxLength: 40 })], {
  numRuns: 50,
})('a hash verifies its own password, never contains it, and rejects any other', (password, other) => {
  const hash = hashPortalPassword(password, fast)._unsafeUnwrap();
  expect(hash.includes(password)).toBe(false);
  expect(verifyPortalPassword(password, hash)._unsafeUnwrap()).toBe(true);
  if (other !== password) expect(verifyPortalPassword(other, hash)._unsafeUnwrap()).toBe(false);
});
