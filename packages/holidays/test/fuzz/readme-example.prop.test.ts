// The README's "property tests of your own" example, kept runnable.
import { fc, test } from '@fast-check/vitest';
import { createHolidayCalendar } from '../../src/index';

const calendar = createHolidayCalendar({ country: 'BR', state: 'SP' })._unsafeUnwrap();
const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

test.prop([day], { numRuns: 200 })('a date is a holiday exactly when it has a name', (date) => {
  return calendar.isHoliday(date) === (calendar.holidayName(date) !== undefined);
});
