import { describe, expect, it } from 'vitest';
import { hashPortalPassword, verifyPortalPassword } from './portal-password';

const fast = { parameters: { N: 1024, r: 8, p: 1 }, salt: (n: number) => new Uint8Array(n).fill(7) };

describe('portal passwords', () => {
  it('hashes to a self-describing scrypt string and verifies in constant time', () => {
    const hash = hashPortalPassword('correct horse battery', fast)._unsafeUnwrap();
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(hash).not.toContain('correct horse');
    expect(verifyPortalPassword('correct horse battery', hash)._unsafeUnwrap()).toBe(true);
    expect(verifyPortalPassword('correct horse batterY', hash)._unsafeUnwrap()).toBe(false);
    expect(verifyPortalPassword(42, hash)._unsafeUnwrap()).toBe(false);
  });

  it('is deterministic with an injected salt and different with another', () => {
    const a = hashPortalPassword('correct horse battery', fast)._unsafeUnwrap();
    expect(hashPortalPassword('correct horse battery', fast)._unsafeUnwrap()).toBe(a);
    const other = hashPortalPassword('correct horse battery', {
      ...fast,
      salt: (n) => new Uint8Array(n).fill(8),
    });
    expect(other._unsafeUnwrap()).not.toBe(a);
  });

  it('uses N=16384, r=8, p=1 and a random salt by default', () => {
    const a = hashPortalPassword('correct horse battery')._unsafeUnwrap();
    const b = hashPortalPassword('correct horse battery')._unsafeUnwrap();
    expect(a.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(a).not.toBe(b);
    expect(verifyPortalPassword('correct horse battery', b)._unsafeUnwrap()).toBe(true);
  });

  it('rejects short passwords without echoing them', () => {
    const e = hashPortalPassword('abc123', fast)._unsafeUnwrapErr();
    expect(e).toMatchObject({ type: 'WeakPassword', field: 'password' });
    expect(JSON.stringify(e)).not.toContain('abc123');
  });

  it('rejects malformed or abusive stored hashes', () => {
    expect(verifyPortalPassword('x', 'plain-text')._unsafeUnwrapErr().type).toBe('InvalidPasswordHash');
    expect(
      verifyPortalPassword(
        'x',
        'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      )._unsafeUnwrapErr().type,
    ).toBe('InvalidPasswordHash');
    expect(
      verifyPortalPassword(
        'x',
        'scrypt$4194304$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      )._unsafeUnwrapErr().type,
    ).toBe('InvalidPasswordHash');
  });
});
