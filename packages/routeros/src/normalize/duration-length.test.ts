import { describe, expect, it } from 'vitest';
import { normaliseDuration, parseDuration } from './duration.js';

describe('durations from a hostile router', () => {
  it('a 100,000-digit value is refused at once instead of taking seconds', () => {
    const started = performance.now();
    expect(parseDuration('9'.repeat(100_000))).toBeNull();
    expect(normaliseDuration(`${'9'.repeat(100_000)}:00:00`)).toHaveLength(100_006);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('real durations still parse', () => {
    expect(parseDuration('4w6d23h59m59s999ms')).toBe(4 * 604800 + 6 * 86400 + 23 * 3600 + 59 * 60 + 59);
    expect(parseDuration('1d 02:00:00')).toBe(93600);
  });
});
