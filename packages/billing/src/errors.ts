/**
 * Every error returned by @isp/billing. Plain readonly objects with a `type` tag, a `field` naming the
 * offending input (a dotted path such as `contract.cycle.dueDay`) and a human `message`.
 */
export type BillingError =
  | { readonly type: 'INVALID_AMOUNT'; readonly field: string; readonly message: string }
  | { readonly type: 'NEGATIVE_AMOUNT'; readonly field: string; readonly message: string }
  | { readonly type: 'INVALID_DATE'; readonly field: string; readonly message: string }
  | { readonly type: 'INVALID_DAY'; readonly field: string; readonly message: string }
  | { readonly type: 'INVALID_PERIOD'; readonly field: string; readonly message: string }
  | { readonly type: 'UNKNOWN_CURRENCY'; readonly field: string; readonly message: string }
  | { readonly type: 'INVALID_OPTION'; readonly field: string; readonly message: string }
  | { readonly type: 'INVALID_INPUT'; readonly field: string; readonly message: string }
  | { readonly type: 'INSTALLMENT_BELOW_MINOR_UNIT'; readonly field: string; readonly message: string }
  | { readonly type: 'CURRENCY_MISMATCH'; readonly field: string; readonly message: string }
  | { readonly type: 'NO_BUSINESS_DAY'; readonly field: string; readonly message: string }
  | { readonly type: 'CALENDAR_FAILED'; readonly field: string; readonly message: string }
  | { readonly type: 'INVOICE_NOT_PAYABLE'; readonly field: string; readonly message: string }
  | { readonly type: 'NOTHING_TO_MERGE'; readonly field: string; readonly message: string };

export type BillingErrorType = BillingError['type'];

const make =
  <T extends BillingErrorType>(type: T) =>
  (field: string, message: string): Extract<BillingError, { type: T }> =>
    Object.freeze({ type, field, message }) as Extract<BillingError, { type: T }>;

export const invalidAmount = make('INVALID_AMOUNT');
export const negativeAmount = make('NEGATIVE_AMOUNT');
export const invalidDate = make('INVALID_DATE');
export const invalidDay = make('INVALID_DAY');
export const invalidPeriod = make('INVALID_PERIOD');
export const unknownCurrency = make('UNKNOWN_CURRENCY');
export const invalidOption = make('INVALID_OPTION');
export const invalidInput = make('INVALID_INPUT');
export const installmentBelowMinorUnit = make('INSTALLMENT_BELOW_MINOR_UNIT');
export const currencyMismatch = make('CURRENCY_MISMATCH');
export const noBusinessDay = make('NO_BUSINESS_DAY');
export const calendarFailed = make('CALENDAR_FAILED');
export const invoiceNotPayable = make('INVOICE_NOT_PAYABLE');
export const nothingToMerge = make('NOTHING_TO_MERGE');
