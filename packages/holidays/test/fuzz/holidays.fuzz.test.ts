// Every exported function of @isp/holidays under generated input, valid and invalid (see test-support/fuzz-harness.ts).
import fc from 'fast-check';
import {
  controlString,
  describeFuzzSuite,
  type FuzzTable,
  oversized,
  pollutingObject,
} from '../../../../test-support/fuzz-harness';
import * as api from '../../src/index';

const PKG = '@isp/holidays';
const ERROR_TYPES: ReadonlySet<string> = new Set<string>([
  'UnknownCountry',
  'UnknownState',
  'UnknownRegion',
  'InvalidDate',
  'InvalidInput',
]);

/** Places date-holidays knows, with states and regions (README coverage). */
const PLACES: readonly { country: string; state?: string; region?: string }[] = [
  { country: 'BR' },
  { country: 'BR', state: 'SP' },
  { country: 'BR', state: 'SP', region: 'SP' },
  { country: 'BR', state: 'RJ' },
  { country: 'MX' },
  { country: 'CO' },
  { country: 'AR' },
  { country: 'PE' },
  { country: 'PE', state: 'CUS' },
  { country: 'CL' },
];
const calendarDate = (): fc.Arbitrary<string> =>
  fc
    .date({
      min: new Date('1890-01-01T00:00:00Z'),
      max: new Date('2210-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
const badDate = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-01-32',
      '20260101',
      '2026-1-1',
      '',
      null,
      20260101,
    ),
    oversized(),
    controlString(),
  );
const options = (): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(
      fc.constantFrom(...PLACES),
      fc.array(
        fc.oneof(
          calendarDate(),
          calendarDate().map((date) => ({ date, name: 'Padroeira' })),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([place, extraDates]) => ({ ...place, extraDates }));

/** Builds a calendar and asks it about one date and one year (the calendar's methods are public too). */
function askCalendar(args: readonly unknown[]): unknown {
  const [opts, date, year] = args;
  return api.createHolidayCalendar(opts as api.HolidayCalendarOptions).map((calendar) => ({
    isHoliday: calendar.isHoliday(date as string),
    name: calendar.holidayName(date as string) ?? null,
    holidays: calendar.holidaysOf(year as number).length,
  }));
}

const table: FuzzTable<typeof api> = {
  createHolidayCalendar: {
    returns: 'result',
    invoke: askCalendar,
    valid: fc.tuple(options(), calendarDate(), fc.integer({ min: 1890, max: 2210 })),
    invalid: fc.tuple(
      fc.oneof(
        fc.record({
          country: fc.constantFrom('ZZ', 'br1', '', '__proto__', 'constructor'),
          state: fc.constantFrom(undefined, 'XX'),
        }),
        fc.record({
          country: fc.constant('BR'),
          state: fc.constantFrom('ZZ', 'toString'),
          region: fc.constantFrom('Q', 'hasOwnProperty'),
        }),
        fc.record({ country: fc.constant('BR'), region: fc.constant('SP') }),
        fc.record({
          country: fc.constant('BR'),
          extraDates: fc.array(badDate(), { minLength: 1, maxLength: 3 }),
        }),
        fc.record({
          country: fc.constant('BR'),
          extraDates: fc.constant([{ date: '2026-01-02', name: 'x'.repeat(201) }]),
        }),
        fc.record({ country: oversized() }),
        pollutingObject().map((p) => Object.assign(p, { country: 'BR' })),
      ),
      badDate(),
      fc.constantFrom(Number.NaN, -1, 1e9, 2026.5, '2026'),
    ),
  },
  invalidDate: { returns: 'value', valid: fc.tuple(fc.string(), fc.string()), trusted: true },
  invalidInput: { returns: 'value', valid: fc.tuple(fc.string(), fc.string()), trusted: true },
  unknownCountry: { returns: 'value', valid: fc.tuple(fc.string({ maxLength: 10 })), trusted: true },
  unknownRegion: {
    returns: 'value',
    valid: fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })),
    trusted: true,
  },
  unknownState: {
    returns: 'value',
    valid: fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })),
    trusted: true,
  },
};

describeFuzzSuite(PKG, api, table, ERROR_TYPES);
