import { describe, expect, it } from 'vitest';
import { createHolidayCalendar } from './create-holiday-calendar';

const calendar = (country: string, state?: string, region?: string) =>
  createHolidayCalendar({
    country,
    ...(state === undefined ? {} : { state }),
    ...(region === undefined ? {} : { region }),
  })._unsafeUnwrap();

describe('createHolidayCalendar', () => {
  it('BR with a state: public and bank holidays from calendar-date strings, never observances', () => {
    const sp = calendar('BR', 'SP');
    expect(sp.isHoliday('2026-04-21')).toBe(true); // Tiradentes: a bare string is a calendar date, not UTC midnight
    expect(sp.isHoliday('2026-02-16')).toBe(true); // Carnaval, typed bank
    expect(sp.isHoliday('2026-06-04')).toBe(true); // Corpus Christi, typed bank
    expect(sp.isHoliday('2026-07-09')).toBe(true); // Revolução Constitucionalista (SP)
    expect(sp.isHoliday('2026-11-20')).toBe(true); // Consciência Negra, national since 2024
    expect(sp.isHoliday('2026-05-10')).toBe(false); // Dia das Mães is an observance
    expect(sp.isHoliday('2026-04-22')).toBe(false);
    expect(calendar('BR', 'RJ').isHoliday('2026-07-09')).toBe(false);
    expect(sp.holidayName('2026-04-21')).toBe('Dia de Tiradentes');
  });

  it('BR with a region: São Paulo city adds its anniversary', () => {
    expect(calendar('BR', 'SP', 'SP').isHoliday('2026-01-25')).toBe(true);
    expect(calendar('BR', 'SP').isHoliday('2026-01-25')).toBe(false);
  });

  it('MX: Monday-moved holidays and bank holidays', () => {
    const mx = calendar('MX');
    expect(['2026-02-02', '2026-03-16', '2026-09-16', '2026-11-16', '2026-12-12'].map(mx.isHoliday)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(mx.isHoliday('2026-05-10')).toBe(false);
  });

  it('CO: Emiliani Monday shifts', () => {
    const co = calendar('CO');
    expect(['2026-01-12', '2026-03-23', '2026-05-18'].map(co.isHoliday)).toEqual([true, true, true]);
    expect(co.isHoliday('2026-01-06')).toBe(false);
  });

  it('AR: national holidays; tourism non-working days (optional) do not count', () => {
    const ar = calendar('AR');
    expect(ar.isHoliday('2026-05-25')).toBe(true);
    expect(ar.isHoliday('2026-03-24')).toBe(true);
    expect(ar.isHoliday('2026-03-23')).toBe(false);
    expect(ar.isHoliday('2026-07-10')).toBe(false);
  });

  it('PE with Cusco and CL with a region', () => {
    const cusco = calendar('PE', 'CUS');
    expect(cusco.isHoliday('2026-07-28')).toBe(true);
    expect(cusco.isHoliday('2026-06-24')).toBe(false); // Inti Raymi is typed observance
    const cl = calendar('CL', 'BI');
    expect(cl.isHoliday('2026-09-18')).toBe(true);
    expect(cl.isHoliday('2026-12-31')).toBe(true); // bank holiday
  });

  it('adds caller-supplied dates (municipal holidays, bank-closed days)', () => {
    const c = createHolidayCalendar({
      country: 'BR',
      state: 'MG',
      extraDates: ['2026-08-15', { date: '2026-12-08', name: 'Padroeira de Uberaba' }],
    })._unsafeUnwrap();
    expect(c.isHoliday('2026-08-15')).toBe(true);
    expect(c.holidayName('2026-12-08')).toBe('Padroeira de Uberaba');
    expect(c.holidaysOf(2026).map((h) => h.date)).toContain('2026-08-15');
  });

  it('lists a year sorted and answers the same from the cache', () => {
    const c = calendar('BR');
    const first = c.holidaysOf(2026);
    expect(first.map((h) => h.date)).toEqual([...first.map((h) => h.date)].sort());
    expect(c.holidaysOf(2026)).toEqual(first);
    expect(c.holidaysOf(1.5)).toEqual([]);
  });

  it('answers false for anything that is not a calendar date', () => {
    const c = calendar('BR');
    expect(c.isHoliday('2026-02-30')).toBe(false);
    expect(c.isHoliday('2026-4-21')).toBe(false);
    expect(c.isHoliday(20260421 as never)).toBe(false);
  });

  it.each([
    [{ country: 'XX' }, 'UnknownCountry', 'country'],
    [{ country: 'BR', state: 'ZZ' }, 'UnknownState', 'state'],
    [{ country: 'BR', state: 'SP', region: 'ZZ' }, 'UnknownRegion', 'region'],
    [{ country: 'BR', region: 'SP' }, 'InvalidInput', 'region'],
    [{ country: 'B R' }, 'InvalidInput', 'country'],
    [{ country: '__proto__' }, 'InvalidInput', 'country'],
    [{ country: 'BR', extraDates: ['2026-02-30'] }, 'InvalidDate', 'extraDates[0]'],
    [{ country: 'BR', extraDates: [{ date: '2026-02-01', name: '' }] }, 'InvalidInput', 'extraDates[0].name'],
  ])('rejects %j with a typed error', (options, type, field) => {
    expect(createHolidayCalendar(options as never)._unsafeUnwrapErr()).toMatchObject({ type, field });
  });
});
