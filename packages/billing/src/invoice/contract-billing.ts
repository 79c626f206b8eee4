import type { BillingCycleSettings } from '../cycle/settings';
import type { LocalDate, Period, YearMonth } from '../dates/local-date';
import type { InstallmentStrategy } from '../installments/split-installments';
import type { CurrencyCode } from '../money/currency';
import type { RoundingMode } from '../money/rounding';
import type { ProrationConvention } from '../proration/prorate';
import type { DecimalString, Invoice, InvoiceTerms, LineEffect, LineKind } from './types';

/** How a contract is invoiced (M6). */
export type IssueMode = 'automatic' | 'manual' | 'exempt';

/** The first invoice of a contract (M8): prorated to the days used, the full price, or none. */
export type FirstInvoicePolicy = 'prorated' | 'full' | 'skip';

/** A line billed every cycle: the plan and other services (`service`), or a recurring `discount`. */
export interface RecurringLine {
  readonly id: string;
  readonly description: string;
  readonly amount: DecimalString;
  /** Default `service`. */
  readonly kind?: 'service' | 'discount';
}

/** A one-off line to put on this invoice (items sold, reconnection fees, manual discounts). */
export interface ExtraLine {
  readonly id: string;
  readonly description: string;
  readonly amount: DecimalString;
  readonly kind: LineKind;
  /** Default: `credit` for discounts, `charge` otherwise. */
  readonly effect?: LineEffect;
  /** Default: true for fine, interest and fee. */
  readonly penalty?: boolean;
}

/**
 * An amount split into installments (M5): part k goes on the k-th invoice issued for a cycle whose closing
 * date falls in or after the start month. Months without an invoice (exempt, cancelled, skipped) do not
 * consume a part when `generateInvoice` is told what was billed already (`previousInvoices` or
 * `installmentsBilled`).
 */
export interface InstallmentPlan {
  readonly id: string;
  readonly description: string;
  readonly total: DecimalString;
  readonly count: number;
  /** The first month whose cycle (closing date) may carry part 1. */
  readonly startMonth: YearMonth;
  readonly strategy?: InstallmentStrategy;
}

/** Everything needed to generate a contract's invoices. Plain data. */
export interface ContractBilling {
  readonly contractId: string;
  readonly currency: CurrencyCode;
  /** Default `half-up`. */
  readonly rounding?: RoundingMode;
  /** Default `automatic`. */
  readonly issueMode?: IssueMode;
  readonly cycle: BillingCycleSettings;
  /** First day of service (billed). */
  readonly startDate: LocalDate;
  /** Default `prorated`. */
  readonly firstInvoice?: FirstInvoicePolicy;
  /** Default `actual-days`. */
  readonly proration?: ProrationConvention;
  readonly recurring: readonly RecurringLine[];
  readonly extras?: readonly ExtraLine[];
  readonly installmentPlans?: readonly InstallmentPlan[];
  /** Total suspensions `[suspended on, restored on)`; their days are credited. */
  readonly suspensions?: readonly Period[];
  /** Fine, interest, early-payment discount; copied onto the invoice. */
  readonly terms?: InvoiceTerms;
}

export interface GenerateOptions {
  /** Issue on demand (manual contracts); also lets the issue date differ from the closing date. */
  readonly onDemand?: boolean;
  /** Issue date override (on demand). */
  readonly issueDate?: LocalDate;
  /**
   * The contract's invoices issued so far (any status, in any order; merged ones included). The installment
   * parts on invoices of earlier periods — lines moved by a merge count for the period they were first billed
   * in — tell how many parts of each plan were billed, and this invoice carries the next one. The invoice of
   * this same period is ignored, so generating a period again gives the same invoice.
   */
  readonly previousInvoices?: readonly Invoice[];
  /**
   * Parts already billed per installment plan id; wins over `previousInvoices` for the plans it names.
   * Without either, part k is put on the cycle k − 1 months after the start month (right only when every
   * month since the start month was invoiced).
   */
  readonly installmentsBilled?: Readonly<Record<string, number>>;
}

export type SkipReason = 'exempt' | 'manual' | 'not-started' | 'first-invoice-skipped' | 'nothing-to-bill';

export type InvoiceGeneration =
  | { readonly kind: 'invoice'; readonly invoice: Invoice }
  | {
      readonly kind: 'skipped';
      readonly reason: SkipReason;
      readonly key: string;
      readonly month: YearMonth;
    };
