import type { Address } from '../customers/address';
import type { LocalDate } from '../internal/local-date';
import type { OverdueLadder } from '../ladder/types';
import type { AccessMethod, AccessState } from '../ports/access-network';

export type ContractStatus = 'active' | 'throttled' | 'suspended' | 'cancelled';
export const CONTRACT_STATUSES: readonly ContractStatus[] = Object.freeze([
  'active',
  'throttled',
  'suspended',
  'cancelled',
]);

export type ItemKind = 'internet' | 'email' | 'virtual-disk' | 'one-off' | 'discount';
export const ITEM_KINDS: readonly ItemKind[] = Object.freeze([
  'internet',
  'email',
  'virtual-disk',
  'one-off',
  'discount',
]);

/**
 * The internet account of an internet item (M4). Its `id` is the subscriber id on the router. The password
 * (PPPoE / Hotspot) is a secret: nothing in this package logs it or puts it in an error.
 */
export interface InternetAccount {
  readonly id: string;
  readonly routerId: string;
  readonly method: AccessMethod;
  readonly interface?: string;
  readonly username?: string;
  readonly password?: string;
  readonly macAddress?: string;
  readonly ipv4?: string;
  /** The IP the account had before a release (W5), offered back on reactivation (W9). */
  readonly previousIpv4?: string;
}

interface ItemBase {
  readonly id: string;
  readonly description: string;
  /** Monthly amount (once for one-off), non-negative decimal string. A discount is subtracted. */
  readonly amount: string;
}

export interface InternetItem extends ItemBase {
  readonly kind: 'internet';
  readonly planId: string;
  readonly account: InternetAccount;
}

export interface SimpleItem extends ItemBase {
  readonly kind: 'email' | 'virtual-disk' | 'discount';
}

export interface OneOffItem extends ItemBase {
  readonly kind: 'one-off';
  /** The month (`YYYY-MM`) whose invoice carries it. */
  readonly billOn: string;
}

export type ContractItem = InternetItem | SimpleItem | OneOffItem;

/** An amount split into `count` installments added to the next invoices from `startMonth` (M5). */
export interface InstallmentItem {
  readonly id: string;
  readonly description: string;
  readonly total: string;
  readonly count: number;
  /** `YYYY-MM`. */
  readonly startMonth: string;
}

/** Invoice settings per contract (M6, M8). */
export interface InvoiceSettings {
  /** No monthly invoices. */
  readonly exempt: boolean;
  readonly issue: 'automatic' | 'manual';
  readonly paymentProvider?: string;
  readonly billingAddress?: Address;
  /** Fixed early-payment discount, kept when paid by the due date. */
  readonly earlyPaymentDiscount?: string;
  /** Day of month the invoice is generated (1–31, clamped). */
  readonly closingDay: number;
  /** Day of month the invoice is due (1–31, clamped). */
  readonly dueDay: number;
  /** Billing period reference (see `@isp/billing`): by due date (default), by issue date, or prepaid from the due date. */
  readonly periodReference: 'due-date' | 'issue-date' | 'from-due-date';
  /** ISO 4217 currency of the invoices (default BRL). */
  readonly currency: 'BRL' | 'MXN' | 'COP' | 'ARS' | 'PEN' | 'CLP' | 'PYG';
  /** Late fine, percent of the principal, once. */
  readonly finePercent: string;
  /** Late interest, percent per month, accrued per day. */
  readonly interestPercentPerMonth: string;
  /** First invoice when the contract starts (M8). */
  readonly firstInvoice: 'prorated' | 'full' | 'none';
  readonly ladder: OverdueLadder;
}

/** Equipment lent to the customer (W8). */
export interface LoanedEquipment {
  readonly id: string;
  readonly description: string;
  readonly serial?: string;
  readonly loanedOn: LocalDate;
  readonly returnedOn?: LocalDate;
}

/** A payment promise (X4): the ladder holds until `until` (inclusive). */
export interface PaymentPromise {
  readonly grantedOn: LocalDate;
  readonly until: LocalDate;
}

/** How the network was left when the contract was cancelled (W3, W5, W7). */
export type CancellationNetwork = 'none' | 'release-ip' | 'keep-ip-and-suspend';

export interface CancellationRecord {
  readonly date: LocalDate;
  readonly reason: string;
  readonly network: CancellationNetwork;
  /** Access state of the accounts just before cancelling (what `network: 'none'` leaves on the router). */
  readonly accessBefore: Exclude<AccessState, 'absent'>;
}

export type HistoryEvent =
  | 'created'
  | 'status-changed'
  | 'notice-sent'
  | 'promise-granted'
  | 'ip-changed'
  | 'invoices-cancelled'
  | 'invoices-settled'
  | 'equipment-returned';

/** One entry of the append-only history (W1): what happened, why, and when. */
export interface HistoryEntry {
  readonly date: LocalDate;
  readonly event: HistoryEvent;
  readonly reason: string;
  readonly from?: string;
  readonly to?: string;
  /** Ids the entry refers to (invoices, accounts, equipment). */
  readonly refs?: readonly string[];
}

/** A contract (M2–M6). Plain, frozen data; functions return new contracts and never delete anything. */
export interface Contract {
  readonly id: string;
  /** The holder (customer id). */
  readonly customerId: string;
  /** Template / layout id of the printed contract. */
  readonly layoutId: string;
  readonly installationAddress: Address;
  readonly startDate: LocalDate;
  readonly status: ContractStatus;
  readonly items: readonly ContractItem[];
  readonly installments: readonly InstallmentItem[];
  readonly invoiceSettings: InvoiceSettings;
  readonly equipment: readonly LoanedEquipment[];
  readonly paymentPromises: readonly PaymentPromise[];
  /** Overdue notices sent, by invoice (the ladder never sends one twice). */
  readonly notices: readonly { readonly invoiceId: string; readonly date: LocalDate }[];
  readonly cancellation?: CancellationRecord;
  readonly history: readonly HistoryEntry[];
}
