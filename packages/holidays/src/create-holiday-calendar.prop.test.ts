import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { createHolidayCalendar } from './create-holiday-calendar';

const day = fc
  .integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const country = fc.constantFrom(
  { country: 'BR', state: 'SP' },
  { country: 'BR' },
  { country: 'MX' },
  { country: 'CO' },
  { country: 'AR' },
  { country: 'PE' },
  { country: 'CL' },
);

test.prop([country, fc.array(day, { minLength: 1, maxLength: 20 })], { numRuns: 40 })(
  'isHoliday agrees with the yearly listing, and a fresh calendar (cold cache) answers the same',
  (options, dates) => {
    const warm = createHolidayCalendar(options)._unsafeUnwrap();
    for (const d of dates) {
      const listed = warm.holidaysOf(Number(d.slice(0, 4))).some((h) => h.date === d);
      expect(warm.isHoliday(d)).toBe(listed);
      const cold = createHolidayCalendar(options)._unsafeUnwrap();
      expect(cold.isHoliday(d)).toBe(listed);
    }
  },
);

test.prop([day], { numRuns: 50 })('every extra date is a holiday, with its name', (d) => {
  const c = createHolidayCalendar({
    country: 'BR',
    extraDates: [{ date: d, name: 'Municipal' }],
  })._unsafeUnwrap();
  expect(c.isHoliday(d)).toBe(true);
  expect(typeof c.holidayName(d)).toBe('string');
});
