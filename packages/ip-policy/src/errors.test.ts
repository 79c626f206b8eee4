import { describe, expect, it } from 'vitest';
import { PREVIEW_LENGTH, previewValue, releaseTargetsTaken } from './errors.js';

describe('previewValue', () => {
  it('quotes and truncates strings', () => {
    expect(previewValue('10.0.0.1')).toBe('"10.0.0.1"');
    expect(previewValue('x'.repeat(1000))).toBe(`"${'x'.repeat(PREVIEW_LENGTH)}…"`);
  });

  it('names other types without calling their methods', () => {
    const hostile = {
      toString() {
        throw new Error('boom');
      },
    };
    expect(previewValue(hostile)).toBe('<object>');
    expect(previewValue(Object.create(null))).toBe('<object>');
    expect(previewValue(undefined)).toBe('<undefined>');
    expect(previewValue(true)).toBe('<boolean true>');
  });
});

describe('error objects', () => {
  it('are plain data that survives JSON', () => {
    const error = releaseTargetsTaken('10.0.2.3', 'wisphub-10', [
      { ruleId: 'wisphub-10', target: '127.0.2.3', reason: 'taken' },
    ]);
    expect(JSON.parse(JSON.stringify(error))).toEqual(error);
    expect(error.requiresManualIp).toBe(true);
    expect(error.message).toContain('manually');
  });
});
