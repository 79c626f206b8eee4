import type { ResultAsync } from 'neverthrow';

export type NoticeKind =
  | 'overdue-notice'
  | 'throttled'
  | 'suspended'
  | 'cancelled'
  | 'restored'
  | 'promise-granted';

/** A message to a customer. `idempotencyKey` lets the sender drop duplicates across runs. */
export interface Notice {
  readonly kind: NoticeKind;
  readonly contractId: string;
  readonly customerId: string;
  readonly date: string;
  readonly invoiceIds: readonly string[];
  readonly idempotencyKey: string;
}

export type NotifierError = { readonly type: 'NotifyFailed'; readonly message: string };

/** Sends notices (e-mail, SMS, WhatsApp, portal message...). */
export interface Notifier {
  notify(notice: Notice): ResultAsync<void, NotifierError>;
}
