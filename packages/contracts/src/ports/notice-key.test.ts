import { describe, expect, it } from 'vitest';
import { noticeKey } from './notice-key';

describe('noticeKey', () => {
  it('keys an overdue notice by invoice and a transition notice by day', () => {
    expect(noticeKey('c1', 'inv-7', 'overdue-notice')).toBe('c1:overdue-notice:inv-7');
    expect(noticeKey('c1', null, 'suspended', '2026-06-22')).toBe('c1:suspended:2026-06-22');
    expect(noticeKey('c1', 'inv-7', 'promise-granted', '2026-06-22')).toBe(
      'c1:promise-granted:inv-7:2026-06-22',
    );
    expect(noticeKey('c1', null, 'cancelled')).toBe('c1:cancelled');
  });
});
