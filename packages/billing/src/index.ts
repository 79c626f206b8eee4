// Public API of @isp/billing. Everything takes plain data and returns new plain data in a neverthrow Result.

export type { BillingCycle } from './cycle/billing-cycle';
export { billingCycle, dueDateFor, isClosingDate } from './cycle/billing-cycle';
export type { BillingCycleSettings, PeriodReference } from './cycle/settings';
export { DEFAULT_MIN_LEAD_DAYS, PERIOD_REFERENCES } from './cycle/settings';
export { calendar } from './dates/calendar';
export { addDays, clampDay, daysBetween, daysInMonthOf } from './dates/date-math';
export { effectiveDueDate } from './dates/effective-due-date';
export type { LocalDate, Period, YearMonth } from './dates/local-date';
export { isLeapYear } from './dates/local-date';
export type {
  EarlyPaymentDiscountInput,
  EarlyPaymentDiscountResult,
} from './discount/early-payment-discount';
export { earlyPaymentDiscount } from './discount/early-payment-discount';
export type { BillingError, BillingErrorType } from './errors';
export type { Explanation } from './explain/explanation';
export type {
  InstallmentPart,
  InstallmentStrategy,
  SplitInstallmentsInput,
} from './installments/split-installments';
export {
  INSTALLMENT_STRATEGIES,
  MAX_INSTALLMENTS,
  splitInstallments,
} from './installments/split-installments';
export type { AmountDue } from './invoice/amount-due';
export { amountDueOn } from './invoice/amount-due';
export { applyLateCharges } from './invoice/apply-late-charges';
export type { CancelResult } from './invoice/cancel-invoices';
export { cancelOpenInvoices } from './invoice/cancel-invoices';
export type {
  ContractBilling,
  ExtraLine,
  FirstInvoicePolicy,
  GenerateOptions,
  InstallmentPlan,
  InvoiceGeneration,
  IssueMode,
  RecurringLine,
  SkipReason,
} from './invoice/contract-billing';
export { generateInvoice } from './invoice/generate-invoice';
export type { InvoiceSummary } from './invoice/invoice-summary';
export { invoiceSummary } from './invoice/invoice-summary';
export { installmentKey, invoiceKey, paymentKey } from './invoice/keys';
export type { MergeOptions, MergeResult } from './invoice/merge-invoices';
export { mergeInvoices } from './invoice/merge-invoices';
export { INVOICE_STATUSES } from './invoice/read-invoice';
export type { PaymentResult } from './invoice/register-payment';
export { registerPayment } from './invoice/register-payment';
export { BR_DEFAULT_TERMS } from './invoice/terms';
export type {
  Compounding,
  DecimalString,
  EarlyPaymentDiscount,
  FineTerms,
  InstallmentRef,
  InterestBasis,
  InterestMethod,
  InterestTerms,
  Invoice,
  InvoiceLine,
  InvoiceStatus,
  InvoiceTerms,
  LateFrom,
  LineEffect,
  LineKind,
  NonBusinessDay,
  Payment,
  TransferInfo,
} from './invoice/types';
export { LINE_KINDS } from './invoice/types';
export type {
  JurisdictionProfile,
  JurisdictionReport,
  ValidateTermsInput,
  ValidationCode,
  ValidationIssue,
} from './jurisdiction/validate-terms';
export { JURISDICTION_PROFILES, validateTerms } from './jurisdiction/validate-terms';
export type { DaysLateInput } from './late/days-late';
export { daysLate } from './late/days-late';
export type { CalendarOptions, LateCharges } from './late/late-charges';
export { lateCharges } from './late/late-charges';
export type { CurrencyCode } from './money/currency';
export { CURRENCY_CODES, CURRENCY_MINOR_UNITS, minorUnits } from './money/currency';
export type { RoundMoneyInput } from './money/money';
export { parseMoney, roundMoney, sumMoney } from './money/money';
export type { RoundingMode } from './money/rounding';
export { ROUNDING_MODES } from './money/rounding';
export type { PlanChangeInput, PlanChangeResult } from './proration/plan-change';
export { planChange } from './proration/plan-change';
export type { ProratedAmount, ProrateInput, ProrationConvention } from './proration/prorate';
export { PRORATION_CONVENTIONS, prorate } from './proration/prorate';
export type { SuspensionCreditInput } from './proration/suspension-credit';
export { suspensionCredit } from './proration/suspension-credit';
