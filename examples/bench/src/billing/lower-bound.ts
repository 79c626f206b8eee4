/**
 * The lower bound: the same day's arithmetic on integer cents in typed arrays, with no objects, no
 * validation and no decimal library — what the hardware can do. Closing-day check and invoice amount
 * (prorated first invoice), payment with the 2 % fine and 1 %/month daily interest, late charges on every
 * overdue invoice, and the ladder decision (notice, throttle, suspend, cancel) by days overdue.
 */
import { daysBetween, type GeneratedContract, LADDER, RUN_DATE } from './fixtures.js';

export interface LowerBoundInput {
  readonly priceCents: Int32Array;
  readonly closingDay: Uint8Array;
  readonly startOffset: Int16Array;
  readonly daysLate: Int16Array;
  readonly principalCents: Int32Array;
  readonly paysToday: Uint8Array;
  readonly status: Uint8Array;
  readonly noticed: Uint8Array;
}

/** Typed arrays for `n` contracts, filled with {@link setLowerBoundContract} (so contracts can be streamed). */
export function createLowerBoundInput(n: number): LowerBoundInput {
  return {
    priceCents: new Int32Array(n),
    closingDay: new Uint8Array(n),
    startOffset: new Int16Array(n),
    daysLate: new Int16Array(n),
    principalCents: new Int32Array(n),
    paysToday: new Uint8Array(n),
    status: new Uint8Array(n),
    noticed: new Uint8Array(n),
  };
}

export function setLowerBoundContract(input: LowerBoundInput, i: number, g: GeneratedContract): void {
  const item = g.contract.items[0];
  input.priceCents[i] = Math.round(Number(item?.amount ?? '0') * 100);
  input.closingDay[i] = g.contract.invoiceSettings.closingDay;
  input.startOffset[i] = g.midCycle ? daysBetween(g.contract.startDate, RUN_DATE) : -1;
  const open = g.invoices[0];
  input.daysLate[i] = open === undefined ? 0 : daysBetween(open.dueDate, RUN_DATE);
  input.principalCents[i] = input.priceCents[i] ?? 0;
  input.paysToday[i] = g.paysToday ? 1 : 0;
}

/** Half-even division of integers. */
function divRound(numerator: number, denominator: number): number {
  const q = Math.floor(numerator / denominator);
  const r = numerator - q * denominator;
  const twice = 2 * r;
  if (twice > denominator || (twice === denominator && q % 2 !== 0)) return q + 1;
  return q;
}

export interface LowerBoundCounts {
  invoices: number;
  invoicedCents: number;
  payments: number;
  lateCharged: number;
  chargesCents: number;
  notices: number;
  throttles: number;
  suspensions: number;
  cancellations: number;
  restorations: number;
}

/** One day; `apply` writes the new statuses back so a rerun can be checked. */
export function lowerBoundDay(input: LowerBoundInput, today: number, apply: boolean): LowerBoundCounts {
  const c: LowerBoundCounts = {
    invoices: 0,
    invoicedCents: 0,
    payments: 0,
    lateCharged: 0,
    chargesCents: 0,
    notices: 0,
    throttles: 0,
    suspensions: 0,
    cancellations: 0,
    restorations: 0,
  };
  const notice = LADDER.noticeAfterDays ?? 1;
  const throttle = LADDER.throttleAfterDays ?? 5;
  const suspend = LADDER.suspendAfterDays ?? 15;
  const cancel = LADDER.cancelAfterDays ?? 60;
  const n = input.priceCents.length;
  for (let i = 0; i < n; i++) {
    const price = input.priceCents[i] as number;
    if (input.closingDay[i] === today && input.status[i] !== 4) {
      const offset = input.startOffset[i] as number;
      const cents = offset >= 0 ? divRound(price * (30 - offset), 30) : price;
      c.invoices++;
      c.invoicedCents += cents;
      if (apply) input.closingDay[i] = 0;
    }
    let late = input.daysLate[i] as number;
    if (late > 0) {
      const principal = input.principalCents[i] as number;
      const fine = divRound(principal * 2, 100);
      const interest = divRound(principal * late, 3000);
      c.lateCharged++;
      c.chargesCents += fine + interest;
      if (input.paysToday[i] === 1) {
        c.payments++;
        if (apply) {
          input.paysToday[i] = 0;
          input.daysLate[i] = 0;
        }
        late = 0;
      }
    }
    const current = input.status[i] as number;
    const target = late >= cancel ? 4 : late >= suspend ? 3 : late >= throttle ? 2 : 1;
    const from = current === 0 ? 1 : current;
    if (late >= notice && input.noticed[i] === 0) {
      c.notices++;
      if (apply) input.noticed[i] = 1;
    }
    if (target !== from) {
      if (target === 1) c.restorations++;
      else if (target === 2) c.throttles++;
      else if (target === 3) c.suspensions++;
      else c.cancellations++;
      if (apply) input.status[i] = target;
    }
  }
  return c;
}
