import { describe, expect, it } from 'vitest';
import { calendar } from './calendar';

describe('calendar', () => {
  it('parses, formats and steps dates on epoch days', () => {
    expect(calendar.toEpochDay('1970-01-01')).toBe(0);
    expect(calendar.toEpochDay('2024-02-29')).toBe(19_782);
    expect(calendar.toEpochDay('2025-02-29')).toBeNaN();
    expect(calendar.toEpochDay(20_240_229)).toBeNaN();
    expect(calendar.fromEpochDay(19_782)).toBe('2024-02-29');
    expect(calendar.weekdayOfEpochDay(calendar.toEpochDay('2026-11-20'))).toBe(5); // a Friday
    expect(calendar.addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(calendar.daysBetween('2025-01-31', '2025-03-01')).toBe(29);
    expect(calendar.daysBetween('2025-01-31', 'nope')).toBeNaN();
    expect(calendar.daysInMonth(2100, 2)).toBe(28);
    expect(Object.isFrozen(calendar)).toBe(true);
  });
});
