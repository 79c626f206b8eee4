import { errAsync, okAsync } from 'neverthrow';
import type { Notice, Notifier } from '../ports/notifier';

/** A Notifier that records what it sends and drops duplicates by idempotency key. For tests and examples. */
export interface RecordingNotifier extends Notifier {
  /** Notices delivered, in order, without duplicates. */
  readonly sent: readonly Notice[];
  /** Makes the next `times` notices to `contractId` fail. */
  failFor(contractId: string, times?: number): void;
}

export function createRecordingNotifier(): RecordingNotifier {
  const sent: Notice[] = [];
  const keys = new Set<string>();
  const failures = new Map<string, number>();
  return {
    sent,
    failFor(contractId, times = 1) {
      failures.set(contractId, (failures.get(contractId) ?? 0) + times);
    },
    notify(notice) {
      const pending = failures.get(notice.contractId) ?? 0;
      if (pending > 0) {
        failures.set(notice.contractId, pending - 1);
        return errAsync({
          type: 'NotifyFailed',
          message: `could not reach the customer of ${notice.contractId}`,
        });
      }
      if (!keys.has(notice.idempotencyKey)) {
        keys.add(notice.idempotencyKey);
        sent.push(notice);
      }
      return okAsync(undefined);
    },
  };
}
