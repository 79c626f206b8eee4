import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { noticeKey } from './notice-key';
import type { NoticeKind } from './notifier';

/** Contract ids without ":"; invoice ids that do not look like dates (billing's look like invoice:c1:...). */
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/);
const invoiceId = fc.stringMatching(/^inv[A-Za-z0-9._]{1,20}$/);
const kind = fc.constantFrom<NoticeKind>(
  'overdue-notice',
  'throttled',
  'suspended',
  'cancelled',
  'restored',
  'promise-granted',
);
const day = fc
  .integer({ min: 0, max: 20_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
const notice = fc.record({
  contractId: id,
  invoiceId: fc.option(invoiceId, { nil: null }),
  kind,
  date: fc.option(day, { nil: undefined }),
});

describe('noticeKey', () => {
  test.prop([notice, notice])('two notices get the same key exactly when their parts are equal', (a, b) => {
    const same =
      a.contractId === b.contractId && a.invoiceId === b.invoiceId && a.kind === b.kind && a.date === b.date;
    expect(
      noticeKey(a.contractId, a.invoiceId, a.kind, a.date) ===
        noticeKey(b.contractId, b.invoiceId, b.kind, b.date),
    ).toBe(same);
  });
});
