import { WEBMIKROTIK_LADDER } from '@isp/contracts';

/** The id the adapter knows our (only) router by. */
export const ROUTER_ID = 'pop-centro';

/** Customer networks of the router: the adapter refuses to write addresses outside them. */
export const CUSTOMER_NETWORKS: readonly string[] = ['10.20.0.0/16'];

/** The LAN range reactivated services get a free IP from (W9), without the gateway. */
export const LAN_POOLS: readonly string[] = ['10.20.0.0/16'];
export const LAN_EXCLUSIONS: readonly string[] = ['10.20.0.1'];

/** Holidays: Brazil, state of São Paulo (national and state holidays). */
export const HOLIDAYS = { country: 'BR', state: 'SP' } as const;

/** The plans we sell. The throttled rates are what "reduce speed" means for each plan (M6). */
export const PLANS = [
  {
    id: 'basic-20',
    name: 'Fibra 20 Mbps',
    rate: { uploadBps: 10_000_000, downloadBps: 20_000_000 },
    throttledRate: { uploadBps: 1_000_000, downloadBps: 2_000_000 },
    price: '79.90',
  },
  {
    id: 'plus-50',
    name: 'Fibra 50 Mbps',
    rate: { uploadBps: 25_000_000, downloadBps: 50_000_000 },
    throttledRate: { uploadBps: 2_500_000, downloadBps: 5_000_000 },
    price: '99.90',
  },
] as const;

/**
 * The invoice settings of the WebMikrotik document (M6): period from day 1 to day 1 of the next month,
 * due on the 10th, R$ 5,00 off when paid by the due date, fine 2 %, interest 1 % a month, notice after 1 day,
 * reduced speed after 3, suspension after 10 except on Saturdays, Sundays and holidays, cancellation after 10.
 */
export const WEBMIKROTIK_INVOICE_SETTINGS = {
  issue: 'automatic',
  paymentProvider: 'Wide Pay',
  earlyPaymentDiscount: '5.00',
  closingDay: 1,
  dueDay: 10,
  periodReference: 'issue-date',
  currency: 'BRL',
  finePercent: '2.00',
  interestPercentPerMonth: '1.00',
  firstInvoice: 'prorated',
  ladder: WEBMIKROTIK_LADDER,
} as const;

/** The router sold with every contract: R$ 60,00 in 3 installments from the first invoice (M5). */
export const ROUTER_SALE = { description: 'Wi-Fi router', total: '60.00', count: 3 } as const;
