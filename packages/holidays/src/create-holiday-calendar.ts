import type { HolidayCalendar } from '@isp/contracts';
import Holidays, { type HolidaysTypes } from 'date-holidays';
import { err, ok, type Result } from 'neverthrow';
import {
  type HolidaysError,
  invalidDate,
  invalidInput,
  unknownCountry,
  unknownRegion,
  unknownState,
} from './errors';

/** A date the caller adds: a municipal holiday, a bank-closed day. */
export interface ExtraDate {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly name: string;
}

export interface HolidayCalendarOptions {
  /** ISO 3166-1 alpha-2 country code, e.g. `BR`, `MX`, `CO`, `AR`, `PE`, `CL`. */
  readonly country: string;
  /** State / province code as date-holidays knows it, e.g. `SP`, `CUS`, `BI`. */
  readonly state?: string;
  /** Region (city) code inside the state, e.g. `SP` for São Paulo city, `CH` for Chillán. */
  readonly region?: string;
  /** Municipal holidays and bank-closed days, as `YYYY-MM-DD` strings or `{ date, name }`. */
  readonly extraDates?: readonly (string | ExtraDate)[];
}

/** A HolidayCalendar with a per-year listing. */
export interface DateHolidaysCalendar extends HolidayCalendar {
  holidayName(date: string): string | undefined;
  /** Holidays of a year (public, bank and the extra dates), sorted by date. */
  holidaysOf(year: number): readonly ExtraDate[];
}

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const CODE = /^[A-Za-z0-9]{1,10}$/;
const TYPES = ['public', 'bank'];
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= max;
}

function readCode(value: unknown, field: string): Result<string | undefined, HolidaysError> {
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'string' || !CODE.test(value)) {
    return err(invalidInput(field, `${field} must be a short code of letters and digits`));
  }
  return ok(value.toUpperCase());
}

/**
 * A HolidayCalendar on the date-holidays package for a country, optionally a state and a region, counting
 * public and bank holidays — never observances (Mother's Day) or optional days — plus the caller's own
 * dates. It reads calendar-date strings (`YYYY-MM-DD`), never instants, so no answer depends on the process
 * time zone. Each year is computed once and cached. National holidays always count when a state is given
 * (date-holidays 3.37.0 drops Brazil's Consciência Negra from state calendars).
 *
 * Unknown country, state or region → a typed error.
 */
export function createHolidayCalendar(
  options: HolidayCalendarOptions,
): Result<DateHolidaysCalendar, HolidaysError> {
  if (typeof options !== 'object' || options === null)
    return err(invalidInput('options', 'options must be an object'));
  const countryCode = readCode(options.country, 'country');
  if (countryCode.isErr()) return err(countryCode.error);
  const country = countryCode.value;
  if (country === undefined) return err(invalidInput('country', 'country is required'));
  const state = readCode(options.state, 'state');
  if (state.isErr()) return err(state.error);
  const region = readCode(options.region, 'region');
  if (region.isErr()) return err(region.error);
  if (region.value !== undefined && state.value === undefined) {
    return err(invalidInput('region', 'a region needs its state'));
  }

  const probe = new Holidays();
  const countries = probe.getCountries() as Record<string, string> | undefined;
  if (countries === undefined || !Object.hasOwn(countries, country)) return err(unknownCountry(country));
  if (state.value !== undefined) {
    const states = probe.getStates(country) as Record<string, string> | undefined;
    if (states === undefined || !Object.hasOwn(states, state.value))
      return err(unknownState(country, state.value));
    if (region.value !== undefined) {
      const regions = probe.getRegions(country, state.value) as Record<string, string> | undefined;
      if (regions === undefined || !Object.hasOwn(regions, region.value)) {
        return err(unknownRegion(country, state.value, region.value));
      }
    }
  }

  const extras = new Map<string, string>();
  const list = options.extraDates ?? [];
  if (!Array.isArray(list)) return err(invalidInput('extraDates', 'extraDates must be an array'));
  if (list.length > 10_000)
    return err(invalidInput('extraDates', 'extraDates must have at most 10000 dates'));
  for (let i = 0; i < list.length; i++) {
    const entry = list[i] as unknown;
    const date = typeof entry === 'string' ? entry : (entry as ExtraDate | null)?.date;
    const name = typeof entry === 'string' ? 'holiday' : (entry as ExtraDate | null)?.name;
    if (typeof date !== 'string' || !isCalendarDate(date)) {
      return err(invalidDate(`extraDates[${i}]`, `extraDates[${i}] must be a calendar date YYYY-MM-DD`));
    }
    if (typeof name !== 'string' || name.length === 0 || name.length > 200) {
      return err(invalidInput(`extraDates[${i}].name`, `extraDates[${i}].name must be a non-empty string`));
    }
    extras.set(date, name);
  }

  const opts: HolidaysTypes.Options = { types: ['public', 'bank'] };
  const national = new Holidays(country, opts);
  const local =
    state.value === undefined
      ? undefined
      : region.value === undefined
        ? new Holidays(country, state.value, opts)
        : new Holidays(country, state.value, region.value, opts);
  const years = new Map<number, Map<string, string>>();

  const yearMap = (year: number): Map<string, string> => {
    const hit = years.get(year);
    if (hit !== undefined) return hit;
    const map = new Map<string, string>();
    for (const source of local === undefined ? [national] : [national, local]) {
      const found = source.getHolidays(year) as
        | readonly { date: string; name: string; type: string }[]
        | undefined;
      for (const h of found ?? []) {
        if (!TYPES.includes(h.type)) continue;
        const date = h.date.slice(0, 10);
        if (!map.has(date)) map.set(date, h.name);
      }
    }
    for (const [date, name] of extras)
      if (Number(date.slice(0, 4)) === year && !map.has(date)) map.set(date, name);
    years.set(year, map);
    return map;
  };

  const lookup = (date: string): string | undefined => {
    if (typeof date !== 'string' || !isCalendarDate(date)) return undefined;
    const year = Number(date.slice(0, 4));
    if (year < MIN_YEAR || year > MAX_YEAR) return extras.get(date);
    return yearMap(year).get(date);
  };

  return ok({
    isHoliday: (date) => lookup(date) !== undefined,
    holidayName: (date) => lookup(date),
    holidaysOf: (year) => {
      if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return [];
      return [...yearMap(year)]
        .map(([date, name]) => ({ date, name }))
        .sort((a, b) => (a.date < b.date ? -1 : 1));
    },
  });
}
