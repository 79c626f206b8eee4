import type { NoticeKind } from './notifier';

/**
 * The idempotency key of a notice, the one `planRun` puts on every notice it plans — use it for the notices
 * you send yourself (a payment promise, a cancellation by hand) so a sender that drops duplicates by key
 * treats them the same way:
 * - with an invoice id, once per (contract, kind, invoice): `c1:overdue-notice:inv-7` (an overdue notice is
 *   sent once per invoice, whatever the date);
 * - with a date, once per (contract, kind, day): `c1:suspended:2026-06-22`;
 * - with both, `c1:<kind>:<invoice>:<date>`; with neither, `c1:<kind>`.
 */
export function noticeKey(
  contractId: string,
  invoiceId: string | null,
  kind: NoticeKind,
  date?: string,
): string {
  const head = `${contractId}:${kind}`;
  if (invoiceId === null) return date === undefined ? head : `${head}:${date}`;
  return date === undefined ? `${head}:${invoiceId}` : `${head}:${invoiceId}:${date}`;
}
