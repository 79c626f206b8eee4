import { type Invoice, invoiceSummary } from '@isp/billing';
import type { HolidayCalendar, RatePair } from '@isp/contracts';
import { toEpochDay, weekdayName } from './dates';

/**
 * Prints the demo as a readable timeline: one section per day where something happens, one line for each
 * run of quiet days (and for a quiet holiday). Every printed line is kept in `lines` as well.
 */
export class Timeline {
  readonly lines: string[] = [];
  readonly #sink: (line: string) => void;
  readonly #calendar: HolidayCalendar;
  #quiet: { from: string; to: string; count: number } | undefined;

  constructor(sink: (line: string) => void, calendar: HolidayCalendar) {
    this.#sink = sink;
    this.#calendar = calendar;
  }

  print(line = ''): void {
    this.#flushQuiet();
    this.#emit(line);
  }

  /** A big heading. */
  title(text: string): void {
    this.print();
    this.print(`═══ ${text} ${'═'.repeat(Math.max(3, 100 - text.length))}`);
  }

  /** The heading of a day where something happens. */
  day(date: string): void {
    this.print();
    this.print(`── ${this.dateLabel(date)} ${'─'.repeat(Math.max(3, 86 - this.dateLabel(date).length))}`);
  }

  /** A day where nothing happens: folded into one line with its quiet neighbours (holidays get their own). */
  quiet(date: string): void {
    const holiday = this.#calendar.holidayName?.(date);
    if (holiday !== undefined) {
      this.#flushQuiet();
      this.#emit(`·  ${this.dateLabel(date)} — nothing to do`);
      return;
    }
    const q = this.#quiet;
    if (q !== undefined && toEpochDay(q.to) + 1 === toEpochDay(date)) {
      q.to = date;
      q.count += 1;
    } else {
      this.#flushQuiet();
      this.#quiet = { from: date, to: date, count: 1 };
    }
  }

  /** Ends the timeline (prints a pending run of quiet days). */
  flush(): void {
    this.#flushQuiet();
  }

  dateLabel(date: string): string {
    const holiday = this.#calendar.holidayName?.(date);
    return `${date} ${weekdayName(date)}${holiday === undefined ? '' : ` (holiday: ${holiday})`}`;
  }

  #flushQuiet(): void {
    const q = this.#quiet;
    if (q === undefined) return;
    this.#quiet = undefined;
    this.#emit(
      q.count === 1
        ? `·  ${q.from} ${weekdayName(q.from)} — nothing to do`
        : `·  ${q.from} ${weekdayName(q.from)} … ${q.to} ${weekdayName(q.to)} — ${q.count} quiet days`,
    );
  }

  #emit(line: string): void {
    this.lines.push(line);
    this.#sink(line);
  }
}

export const brl = (amount: string): string => `R$ ${amount}`;

/** `25M/50M` style (upload/download), as RouterOS writes rates. */
export function formatRate(rate: RatePair): string {
  const unit = (bps: number): string =>
    bps % 1_000_000 === 0
      ? `${bps / 1_000_000}M`
      : bps % 1000 === 0
        ? `${bps / 1000}k`
        : `${(bps / 1_000_000).toFixed(1)}M`;
  return `${unit(rate.uploadBps)}/${unit(rate.downloadBps)}`;
}

/** The invoice with every line and the explanation of each computed amount (X7). */
export function invoiceLines(invoice: Invoice, indent = '    '): string[] {
  const summary = invoiceSummary(invoice);
  const total = summary.isOk() ? summary.value.total : '?';
  const balance = summary.isOk() ? summary.value.balance : '?';
  const out = [
    `${indent}Invoice ${invoice.id}  ${invoice.status}  issued ${invoice.issueDate}, due ${invoice.dueDate}, period ${invoice.period.start} … ${invoice.period.end} (exclusive)`,
  ];
  for (const line of invoice.lines) {
    const sign = line.effect === 'credit' ? '−' : ' ';
    const from = line.movedFrom === undefined ? '' : `  [moved from ${line.movedFrom}]`;
    out.push(`${indent}  ${sign}${brl(line.amount).padStart(11)}  ${line.description}${from}`);
    if (line.explanation !== undefined) out.push(`${indent}               ↳ ${line.explanation.text}`);
  }
  for (const p of invoice.payments) out.push(`${indent}  paid ${brl(p.amount)} on ${p.date}`);
  out.push(`${indent}  total ${brl(total)}, balance ${brl(balance)}`);
  return out;
}
