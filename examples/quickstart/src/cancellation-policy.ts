import type { LadderCancellation } from '@isp/contracts';

/**
 * Our shop's policy for the ladder's automatic cancellation: "release IP" (W5). The nightly run suspends and
 * cancels in one go, remaps the IP by the WispHub rule against the IPs every other service holds (W6) and
 * removes everything of the customer from the router; the debt stays collectable (the pending invoices are
 * not cancelled, W3). `planRun` shows the new IP in tonight's forecast.
 */
export const CANCELLATION_POLICY: LadderCancellation = {
  network: 'release-ip',
  cancelPendingInvoices: false,
};
