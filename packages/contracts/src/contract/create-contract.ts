import { err, ok, type Result, safeTry } from 'neverthrow';
import { readAddress } from '../customers/address';
import {
  type ContractsError,
  duplicateId,
  invalidInput,
  invalidIpAddress,
  invalidMacAddress,
  missingCredentials,
  unknownMethod,
  unknownPlan,
} from '../errors';
import { ipv4ToInt, isMacAddress } from '../internal/ipv4';
import { readLocalDate, readOptionalLocalDate, toEpochDay } from '../internal/local-date';
import { Money, readAmount, readPercent } from '../internal/money';
import {
  deepFreeze,
  firstDuplicate,
  readBoolean,
  readEnum,
  readId,
  readInteger,
  readOptionalEach,
  readOptionalString,
  readRecord,
  readString,
} from '../internal/read';
import { validateLadder } from '../ladder/validate-ladder';
import type { PlanCatalog } from '../plans/plan';
import { ACCESS_METHODS } from '../ports/access-network';
import type {
  Contract,
  ContractItem,
  InstallmentItem,
  InternetAccount,
  InvoiceSettings,
  LoanedEquipment,
} from './types';

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function readIpv4(value: unknown, field: string): Result<string, ContractsError> {
  const n = ipv4ToInt(value);
  if (n <= 0 || n === 0xffffffff)
    return err(invalidIpAddress(field, `${field} must be a dotted-decimal IPv4 host address`));
  return ok(value as string);
}

function readAccount(value: unknown, field: string): Result<InternetAccount, ContractsError> {
  return safeTry(function* () {
    const v = yield* readRecord(value, field);
    const id = yield* readId(v['id'], `${field}.id`);
    const routerId = yield* readId(v['routerId'], `${field}.routerId`);
    const methodRaw = v['method'];
    if (typeof methodRaw !== 'string' || !(ACCESS_METHODS as readonly string[]).includes(methodRaw)) {
      return err(
        unknownMethod(`${field}.method`, `${field}.method must be one of ${ACCESS_METHODS.join(', ')}`),
      );
    }
    const method = methodRaw as InternetAccount['method'];
    const iface = yield* readOptionalString(v['interface'], `${field}.interface`, { max: 100 });
    const username = yield* readOptionalString(v['username'], `${field}.username`, { max: 100 });
    if (username !== undefined && /\s/.test(username)) {
      return err(invalidInput(`${field}.username`, `${field}.username must not contain spaces`));
    }
    let password: string | undefined;
    if (v['password'] !== undefined) {
      const p = readString(v['password'], `${field}.password`, { max: 200 });
      if (p.isErr())
        return err(invalidInput(`${field}.password`, `${field}.password must be 1–200 printable characters`));
      password = p.value;
    }
    if ((method === 'pppoe' || method === 'hotspot') && (username === undefined || password === undefined)) {
      return err(
        missingCredentials(`${field}.password`, `${field}: ${method} needs a username and a password`),
      );
    }
    const mac = v['macAddress'];
    if (mac !== undefined && !isMacAddress(mac)) {
      return err(
        invalidMacAddress(`${field}.macAddress`, `${field}.macAddress must look like AA:BB:CC:DD:EE:FF`),
      );
    }
    const ipv4 = v['ipv4'] === undefined ? undefined : yield* readIpv4(v['ipv4'], `${field}.ipv4`);
    if ((method === 'simple-queue' || method === 'pcq-address-list') && ipv4 === undefined) {
      return err(invalidIpAddress(`${field}.ipv4`, `${field}.ipv4 is required for ${method}`));
    }
    const previousIpv4 =
      v['previousIpv4'] === undefined
        ? undefined
        : yield* readIpv4(v['previousIpv4'], `${field}.previousIpv4`);
    return ok({
      id,
      routerId,
      method,
      ...(iface === undefined ? {} : { interface: iface }),
      ...(username === undefined ? {} : { username }),
      ...(password === undefined ? {} : { password }),
      ...(mac === undefined ? {} : { macAddress: mac as string }),
      ...(ipv4 === undefined ? {} : { ipv4 }),
      ...(previousIpv4 === undefined ? {} : { previousIpv4 }),
    });
  });
}

function readItem(plans: PlanCatalog) {
  return (value: unknown, field: string): Result<ContractItem, ContractsError> =>
    safeTry(function* () {
      const v = yield* readRecord(value, field);
      const id = yield* readId(v['id'], `${field}.id`);
      const kind = yield* readEnum(v['kind'], `${field}.kind`, [
        'internet',
        'email',
        'virtual-disk',
        'one-off',
        'discount',
      ] as const);
      const description = yield* readString(v['description'], `${field}.description`);
      const planId = kind === 'internet' ? yield* readId(v['planId'], `${field}.planId`) : undefined;
      const plan = planId === undefined ? undefined : plans.get(planId);
      if (planId !== undefined && plan === undefined) return err(unknownPlan(`${field}.planId`, planId));
      const amount =
        v['amount'] === undefined && plan !== undefined
          ? plan.price
          : yield* readAmount(v['amount'], `${field}.amount`);
      if (kind === 'internet') {
        const account = yield* readAccount(v['account'], `${field}.account`);
        return ok({ id, kind, description, amount, planId: planId as string, account });
      }
      if (kind === 'one-off') {
        const billOn = v['billOn'];
        if (typeof billOn !== 'string' || !YEAR_MONTH.test(billOn)) {
          return err(invalidInput(`${field}.billOn`, `${field}.billOn must be a month YYYY-MM`));
        }
        return ok({ id, kind, description, amount, billOn });
      }
      return ok({ id, kind, description, amount });
    });
}

function readInstallment(value: unknown, field: string): Result<InstallmentItem, ContractsError> {
  return safeTry(function* () {
    const v = yield* readRecord(value, field);
    const id = yield* readId(v['id'], `${field}.id`);
    const description = yield* readString(v['description'], `${field}.description`);
    const total = yield* readAmount(v['total'], `${field}.total`);
    const count = yield* readInteger(v['count'], `${field}.count`, 1, 120);
    const startMonth = v['startMonth'];
    if (typeof startMonth !== 'string' || !YEAR_MONTH.test(startMonth)) {
      return err(invalidInput(`${field}.startMonth`, `${field}.startMonth must be a month YYYY-MM`));
    }
    if (new Money(total).mul(100).lt(count)) {
      return err(
        invalidInput(
          `${field}.count`,
          `${field}: ${total} cannot be split into ${count} non-zero installments`,
        ),
      );
    }
    return ok({ id, description, total, count, startMonth });
  });
}

function readEquipment(value: unknown, field: string): Result<LoanedEquipment, ContractsError> {
  return safeTry(function* () {
    const v = yield* readRecord(value, field);
    const id = yield* readId(v['id'], `${field}.id`);
    const description = yield* readString(v['description'], `${field}.description`);
    const serial = yield* readOptionalString(v['serial'], `${field}.serial`, { max: 100 });
    const loanedOn = yield* readLocalDate(v['loanedOn'], `${field}.loanedOn`);
    const returnedOn = yield* readOptionalLocalDate(v['returnedOn'], `${field}.returnedOn`);
    if (returnedOn !== undefined && toEpochDay(returnedOn) < toEpochDay(loanedOn)) {
      return err(invalidInput(`${field}.returnedOn`, `${field}.returnedOn must not be before loanedOn`));
    }
    return ok({
      id,
      description,
      ...(serial === undefined ? {} : { serial }),
      loanedOn,
      ...(returnedOn === undefined ? {} : { returnedOn }),
    });
  });
}

export function readInvoiceSettings(
  value: unknown,
  field = 'invoiceSettings',
): Result<InvoiceSettings, ContractsError> {
  return safeTry(function* () {
    const v = yield* readRecord(value, field);
    const exempt = v['exempt'] === undefined ? false : yield* readBoolean(v['exempt'], `${field}.exempt`);
    const issue =
      v['issue'] === undefined
        ? 'automatic'
        : yield* readEnum(v['issue'], `${field}.issue`, ['automatic', 'manual'] as const);
    const paymentProvider = yield* readOptionalString(v['paymentProvider'], `${field}.paymentProvider`, {
      max: 100,
    });
    const billingAddress =
      v['billingAddress'] === undefined
        ? undefined
        : yield* readAddress(v['billingAddress'], `${field}.billingAddress`);
    const earlyPaymentDiscount =
      v['earlyPaymentDiscount'] === undefined
        ? undefined
        : yield* readAmount(v['earlyPaymentDiscount'], `${field}.earlyPaymentDiscount`);
    const closingDay = yield* readInteger(v['closingDay'], `${field}.closingDay`, 1, 31);
    const dueDay = yield* readInteger(v['dueDay'], `${field}.dueDay`, 1, 31);
    const periodReference =
      v['periodReference'] === undefined
        ? 'due-date'
        : yield* readEnum(v['periodReference'], `${field}.periodReference`, [
            'due-date',
            'issue-date',
            'from-due-date',
          ] as const);
    const currency =
      v['currency'] === undefined
        ? 'BRL'
        : yield* readEnum(v['currency'], `${field}.currency`, [
            'BRL',
            'MXN',
            'COP',
            'ARS',
            'PEN',
            'CLP',
            'PYG',
          ] as const);
    const finePercent =
      v['finePercent'] === undefined ? '2.00' : yield* readPercent(v['finePercent'], `${field}.finePercent`);
    const interestPercentPerMonth =
      v['interestPercentPerMonth'] === undefined
        ? '1.00'
        : yield* readPercent(v['interestPercentPerMonth'], `${field}.interestPercentPerMonth`);
    const firstInvoice =
      v['firstInvoice'] === undefined
        ? 'prorated'
        : yield* readEnum(v['firstInvoice'], `${field}.firstInvoice`, ['prorated', 'full', 'none'] as const);
    const ladder = yield* validateLadder(v['ladder'], `${field}.ladder`);
    return ok({
      exempt,
      issue,
      ...(paymentProvider === undefined ? {} : { paymentProvider }),
      ...(billingAddress === undefined ? {} : { billingAddress }),
      ...(earlyPaymentDiscount === undefined ? {} : { earlyPaymentDiscount }),
      closingDay,
      dueDay,
      periodReference,
      currency,
      finePercent,
      interestPercentPerMonth,
      firstInvoice,
      ladder,
    });
  });
}

/** Input for `createContract`. */
export interface ContractInput {
  readonly id: string;
  readonly customerId: string;
  readonly layoutId: string;
  readonly installationAddress: unknown;
  readonly startDate: string;
  readonly items: readonly unknown[];
  readonly installments?: readonly unknown[];
  readonly invoiceSettings: unknown;
  readonly equipment?: readonly unknown[];
}

/**
 * Validates a new contract (M2–M6, W8) against a plan catalog and returns it active, with a `created`
 * history entry. Errors name the field: negative amounts (`NegativeAmount`), unknown plans (`UnknownPlan`),
 * unknown methods (`UnknownMethod`), invalid IPs (`InvalidIpAddress`), unordered ladders (`UnorderedLadder`),
 * duplicate ids (`DuplicateId`), missing PPPoE/Hotspot credentials (`MissingCredentials`).
 */
export function createContract(input: unknown, plans: PlanCatalog): Result<Contract, ContractsError> {
  return safeTry(function* () {
    const v = yield* readRecord(input, 'contract');
    const id = yield* readId(v['id'], 'id');
    const customerId = yield* readId(v['customerId'], 'customerId');
    const layoutId = yield* readId(v['layoutId'], 'layoutId');
    const installationAddress = yield* readAddress(v['installationAddress'], 'installationAddress');
    const startDate = yield* readLocalDate(v['startDate'], 'startDate');
    const items = yield* readOptionalEach(v['items'], 'items', readItem(plans), 200);
    const dupItem = firstDuplicate(items.map((i) => i.id));
    if (dupItem >= 0) return err(duplicateId(`items[${dupItem}].id`, items[dupItem]!.id));
    const accounts = items.flatMap((i) => (i.kind === 'internet' ? [i.account.id] : []));
    const dupAccount = firstDuplicate(accounts);
    if (dupAccount >= 0) return err(duplicateId('items.account.id', accounts[dupAccount]!));
    const installments = yield* readOptionalEach(v['installments'], 'installments', readInstallment, 100);
    const dupInstallment = firstDuplicate(installments.map((i) => i.id));
    if (dupInstallment >= 0)
      return err(duplicateId(`installments[${dupInstallment}].id`, installments[dupInstallment]!.id));
    const invoiceSettings = yield* readInvoiceSettings(v['invoiceSettings']);
    const equipment = yield* readOptionalEach(v['equipment'], 'equipment', readEquipment, 100);
    const dupEquipment = firstDuplicate(equipment.map((e) => e.id));
    if (dupEquipment >= 0)
      return err(duplicateId(`equipment[${dupEquipment}].id`, equipment[dupEquipment]!.id));
    const contract: Contract = {
      id,
      customerId,
      layoutId,
      installationAddress,
      startDate,
      status: 'active',
      items,
      installments,
      invoiceSettings,
      equipment,
      paymentPromises: [],
      notices: [],
      history: [{ date: startDate, event: 'created', reason: 'contract created', to: 'active' }],
    };
    return ok(deepFreeze(contract));
  });
}

/** The internet accounts of a contract, with their plan ids. */
export function internetItemsOf(contract: Contract): readonly Extract<ContractItem, { kind: 'internet' }>[] {
  return contract.items.filter(
    (i): i is Extract<ContractItem, { kind: 'internet' }> => i.kind === 'internet',
  );
}
