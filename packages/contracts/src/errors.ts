/**
 * Every error returned by @isp/contracts: plain readonly objects with a `type` tag, a `field` naming the
 * offending input where there is one (a dotted path such as `items[2].amount`) and a human `message`.
 * Errors never carry passwords or other secrets.
 */

/** A finding of a jurisdiction overlay (see `validateLadderForJurisdiction`). */
export interface JurisdictionFinding {
  readonly code:
    | 'NOTICE_REQUIRED'
    | 'RESTRICTION_BEFORE_NOTICE_PERIOD'
    | 'TOTAL_SUSPENSION_TOO_EARLY'
    | 'RESCISSION_TOO_EARLY'
    | 'CANCEL_NOT_AFTER_SUSPEND';
  readonly severity: 'error' | 'warning';
  readonly field: string;
  readonly message: string;
}

export type ContractsError =
  | { readonly type: 'InvalidInput'; readonly field: string; readonly message: string }
  | { readonly type: 'InvalidAmount'; readonly field: string; readonly message: string }
  | { readonly type: 'NegativeAmount'; readonly field: string; readonly message: string }
  | { readonly type: 'InvalidDate'; readonly field: string; readonly message: string }
  | {
      readonly type: 'InvalidTaxId';
      readonly field: string;
      readonly kind: 'cpf' | 'cnpj' | 'unknown';
      readonly message: string;
    }
  | { readonly type: 'InvalidIpAddress'; readonly field: string; readonly message: string }
  | { readonly type: 'InvalidMacAddress'; readonly field: string; readonly message: string }
  | {
      readonly type: 'UnknownPlan';
      readonly field: string;
      readonly planId: string;
      readonly message: string;
    }
  | { readonly type: 'UnknownMethod'; readonly field: string; readonly message: string }
  | { readonly type: 'MissingCredentials'; readonly field: string; readonly message: string }
  | { readonly type: 'DuplicateId'; readonly field: string; readonly id: string; readonly message: string }
  | { readonly type: 'UnorderedLadder'; readonly field: string; readonly message: string }
  | {
      readonly type: 'LadderViolatesJurisdiction';
      readonly field: string;
      readonly jurisdiction: string;
      readonly findings: readonly JurisdictionFinding[];
      readonly message: string;
    }
  | {
      readonly type: 'IllegalTransition';
      readonly field: string;
      readonly from: string;
      readonly to: string;
      readonly message: string;
    }
  | { readonly type: 'PromiseNotAllowed'; readonly field: string; readonly message: string }
  | {
      readonly type: 'PromiseLimitReached';
      readonly field: string;
      readonly used: number;
      readonly limit: number;
      readonly message: string;
    }
  | { readonly type: 'WeakPassword'; readonly field: string; readonly message: string }
  | { readonly type: 'InvalidPasswordHash'; readonly field: string; readonly message: string }
  | { readonly type: 'ContractNotCancelled'; readonly field: string; readonly message: string }
  | { readonly type: 'ContractAlreadyCancelled'; readonly field: string; readonly message: string }
  | { readonly type: 'InvoiceMismatch'; readonly field: string; readonly message: string }
  | {
      readonly type: 'ManualIpRequired';
      readonly field: string;
      readonly ip: string;
      readonly message: string;
    }
  | { readonly type: 'NoFreeIp'; readonly field: string; readonly message: string }
  | {
      readonly type: 'PendingInvoicesRemain';
      readonly field: string;
      readonly invoiceIds: readonly string[];
      readonly message: string;
    }
  | {
      readonly type: 'BillingFailed';
      readonly field: string;
      readonly cause: { readonly type: string; readonly field?: string; readonly message: string };
      readonly message: string;
    };

export type ContractsErrorType = ContractsError['type'];

type Simple = Extract<ContractsError, { field: string; message: string }>;
type SimpleType = {
  [K in ContractsErrorType]: Exclude<
    keyof Extract<ContractsError, { type: K }>,
    'type' | 'field' | 'message'
  > extends never
    ? K
    : never;
}[ContractsErrorType];

const make =
  <T extends SimpleType>(type: T) =>
  (field: string, message: string): Extract<Simple, { type: T }> =>
    Object.freeze({ type, field, message }) as Extract<Simple, { type: T }>;

export const invalidInput = make('InvalidInput');
export const invalidAmount = make('InvalidAmount');
export const negativeAmount = make('NegativeAmount');
export const invalidDate = make('InvalidDate');
export const invalidIpAddress = make('InvalidIpAddress');
export const invalidMacAddress = make('InvalidMacAddress');
export const unknownMethod = make('UnknownMethod');
export const missingCredentials = make('MissingCredentials');
export const unorderedLadder = make('UnorderedLadder');
export const promiseNotAllowed = make('PromiseNotAllowed');
export const weakPassword = make('WeakPassword');
export const invalidPasswordHash = make('InvalidPasswordHash');
export const contractNotCancelled = make('ContractNotCancelled');
export const contractAlreadyCancelled = make('ContractAlreadyCancelled');
export const invoiceMismatch = make('InvoiceMismatch');
export const noFreeIp = make('NoFreeIp');

export const invalidTaxId = (
  field: string,
  kind: 'cpf' | 'cnpj' | 'unknown',
  message: string,
): Extract<ContractsError, { type: 'InvalidTaxId' }> =>
  Object.freeze({ type: 'InvalidTaxId', field, kind, message });

export const unknownPlan = (
  field: string,
  planId: string,
): Extract<ContractsError, { type: 'UnknownPlan' }> =>
  Object.freeze({
    type: 'UnknownPlan',
    field,
    planId,
    message: `${field}: no plan with id ${JSON.stringify(planId)}`,
  });

export const duplicateId = (field: string, id: string): Extract<ContractsError, { type: 'DuplicateId' }> =>
  Object.freeze({
    type: 'DuplicateId',
    field,
    id,
    message: `${field}: id ${JSON.stringify(id)} is used twice`,
  });

export const illegalTransition = (
  from: string,
  to: string,
  field = 'status',
): Extract<ContractsError, { type: 'IllegalTransition' }> =>
  Object.freeze({
    type: 'IllegalTransition',
    field,
    from,
    to,
    message: `a contract cannot go from ${from} to ${to}`,
  });

export const promiseLimitReached = (
  used: number,
  limit: number,
): Extract<ContractsError, { type: 'PromiseLimitReached' }> =>
  Object.freeze({
    type: 'PromiseLimitReached',
    field: 'paymentPromises',
    used,
    limit,
    message: `payment promise limit reached: ${used} of ${limit} used in the period`,
  });

export const ladderViolatesJurisdiction = (
  jurisdiction: string,
  findings: readonly JurisdictionFinding[],
): Extract<ContractsError, { type: 'LadderViolatesJurisdiction' }> =>
  Object.freeze({
    type: 'LadderViolatesJurisdiction',
    field: 'ladder',
    jurisdiction,
    findings: Object.freeze([...findings]),
    message: `the overdue ladder violates ${jurisdiction}: ${findings
      .filter((f) => f.severity === 'error')
      .map((f) => f.code)
      .join(', ')}`,
  });

export const manualIpRequired = (
  field: string,
  ip: string,
  reason: string,
): Extract<ContractsError, { type: 'ManualIpRequired' }> =>
  Object.freeze({
    type: 'ManualIpRequired',
    field,
    ip,
    message: `${field}: no release IP could be computed for ${ip} (${reason}); assign an IP by hand`,
  });

export const billingFailed = (
  field: string,
  cause: { readonly type: string; readonly field?: string; readonly message: string },
): Extract<ContractsError, { type: 'BillingFailed' }> =>
  Object.freeze({
    type: 'BillingFailed',
    field,
    cause: Object.freeze({ ...cause }),
    message: `${field}: ${cause.message}`,
  });

export const pendingInvoicesRemain = (
  invoiceIds: readonly string[],
): Extract<ContractsError, { type: 'PendingInvoicesRemain' }> =>
  Object.freeze({
    type: 'PendingInvoicesRemain',
    field: 'settle',
    invoiceIds: Object.freeze([...invoiceIds]),
    message: `invoices still pending after settling: ${invoiceIds.join(', ')}`,
  });

/** Wraps an error of @isp/ip-policy. A release that cannot be remapped asks for a manual IP (W6). */
export const fromIpPolicy = (
  field: string,
  ip: string,
  e: { readonly type: string; readonly message: string },
): ContractsError =>
  e.type === 'ReleaseTargetsTaken' || e.type === 'NoMatchingRule'
    ? manualIpRequired(field, ip, e.message)
    : e.type === 'PoolExhausted'
      ? noFreeIp(field, `${field}: ${e.message}`)
      : billingFailed(field, { type: e.type, message: e.message });
