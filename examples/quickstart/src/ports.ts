import type { AccessNetwork, Notice, Notifier, NotifierError, SyncReport } from '@isp/contracts';
import { okAsync, type ResultAsync } from 'neverthrow';
import type { Store } from './store';

/**
 * Wraps an AccessNetwork so every write that reaches the router (not the dry runs) is reported to
 * `onApplied` — the demo prints each one as a plan. Everything else passes through.
 */
export function watchNetwork(inner: AccessNetwork, onApplied: (report: SyncReport) => void): AccessNetwork {
  const tee = (report: SyncReport): SyncReport => {
    if (!report.dryRun) onApplied(report);
    return report;
  };
  return {
    sync: (routerId, desired, options) => inner.sync(routerId, desired, options).map(tee),
    reconcile: (routerId, desired, options) => inner.reconcile(routerId, desired, options).map(tee),
    discover: (routerId) => inner.discover(routerId),
    adopt: (routerId, account, subscriberId) => inner.adopt(routerId, account, subscriberId),
  };
}

/**
 * A Notifier that puts notices in an outbox in the store (a real app sends them by e-mail, SMS or WhatsApp from
 * there). The idempotency key makes a notice sent twice — a re-run day, a retry — a no-op.
 */
export function outboxNotifier(store: Store, onNotice: (notice: Notice, fresh: boolean) => void): Notifier {
  return {
    notify(notice: Notice): ResultAsync<void, NotifierError> {
      const fresh = store.addNotice(notice);
      onNotice(notice, fresh);
      return okAsync(undefined);
    },
  };
}
