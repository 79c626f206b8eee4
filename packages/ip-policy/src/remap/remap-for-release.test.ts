import { describe, expect, it } from 'vitest';
import { BENCHMARKING_RELEASE_RULES } from './benchmarking-release-rules.js';
import { remapForRelease } from './remap-for-release.js';
import type { ReleaseRuleTable } from './types.js';

const nothingTaken: ReadonlySet<string> = new Set();

describe('remapForRelease with the WispHub table', () => {
  it.each([
    ['10.20.30.40', '127.0.30.40', 'wisphub-10'],
    ['10.0.0.1', '127.0.0.1', 'wisphub-10'],
    ['192.168.88.254', '169.254.88.254', 'wisphub-192-168'],
    ['172.16.5.9', '168.0.5.9', 'wisphub-172'],
    ['172.200.1.2', '168.0.1.2', 'wisphub-172'],
    ['172.0.0.0', '168.0.0.0', 'wisphub-172'],
    ['192.169.3.4', '168.0.3.4', 'wisphub-other'],
    ['100.64.7.8', '168.0.7.8', 'wisphub-other'],
    ['8.8.4.4', '168.0.4.4', 'wisphub-other'],
    ['11.1.2.3', '168.0.2.3', 'wisphub-other'],
  ])('%s → %s (%s)', (ip, target, ruleId) => {
    const result = remapForRelease(ip, { taken: nothingTaken })._unsafeUnwrap();
    expect(result).toMatchObject({
      original: ip,
      target,
      appliedRule: { id: ruleId },
      matchedRule: { id: ruleId },
      usedFallback: false,
      tried: [],
    });
  });

  it('reports the rule names', () => {
    const result = remapForRelease('10.1.2.3', { taken: nothingTaken })._unsafeUnwrap();
    expect(result.appliedRule).toEqual({ id: 'wisphub-10', name: '10.x.x.x → 127.0.x.x' });
  });

  it('falls back to 100.64.x.x when the target is taken', () => {
    const result = remapForRelease('192.168.1.50', { taken: new Set(['169.254.1.50']) })._unsafeUnwrap();
    expect(result).toEqual({
      original: '192.168.1.50',
      target: '100.64.1.50',
      appliedRule: { id: 'wisphub-100-64', name: 'target taken → 100.64.x.x' },
      matchedRule: { id: 'wisphub-192-168', name: '192.168.x.x → 169.254.x.x' },
      usedFallback: true,
      tried: [{ ruleId: 'wisphub-192-168', target: '169.254.1.50', reason: 'taken' }],
    });
  });

  it('asks for a manual IP when the 100.64.x.x fallback is taken too', () => {
    const taken = new Set(['127.0.2.3', '100.64.2.3']);
    expect(remapForRelease('10.9.2.3', { taken })._unsafeUnwrapErr()).toEqual({
      type: 'ReleaseTargetsTaken',
      field: 'ip',
      original: '10.9.2.3',
      matchedRuleId: 'wisphub-10',
      tried: [
        { ruleId: 'wisphub-10', target: '127.0.2.3', reason: 'taken' },
        { ruleId: 'wisphub-100-64', target: '100.64.2.3', reason: 'taken' },
      ],
      requiresManualIp: true,
      message:
        'Cannot release 10.9.2.3 automatically: 127.0.2.3 (wisphub-10) is taken, 100.64.2.3 (wisphub-100-64) is taken. Assign the released IP manually.',
    });
  });

  it('never gives back the original IP: an address already in 168.0/16 moves to 100.64/16', () => {
    const result = remapForRelease('168.0.4.5', { taken: nothingTaken })._unsafeUnwrap();
    expect(result.target).toBe('100.64.4.5');
    expect(result.tried).toEqual([
      { ruleId: 'wisphub-other', target: '168.0.4.5', reason: 'same-as-original' },
    ]);
  });

  it('asks for a manual IP for 100.64.x.x when 168.0.x.x is taken', () => {
    const error = remapForRelease('100.64.4.5', { taken: new Set(['168.0.4.5']) })._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'ReleaseTargetsTaken',
      tried: [
        { target: '168.0.4.5', reason: 'taken' },
        { target: '100.64.4.5', reason: 'same-as-original' },
      ],
    });
  });

  it('accepts a predicate for taken IPs', () => {
    const asked: string[] = [];
    const taken = (ip: string): boolean => {
      asked.push(ip);
      return ip.startsWith('127.');
    };
    expect(remapForRelease('10.1.1.1', { taken })._unsafeUnwrap().target).toBe('100.64.1.1');
    expect(asked).toEqual(['127.0.1.1', '100.64.1.1']);
  });

  it('turns a throwing or non-boolean predicate into a typed error', () => {
    const throwing = (): boolean => {
      throw new Error('database down');
    };
    expect(remapForRelease('10.1.1.1', { taken: throwing })._unsafeUnwrapErr()).toMatchObject({
      type: 'TakenCheckFailed',
      ip: '127.0.1.1',
    });
    const sloppy = (() => 'yes') as unknown as (ip: string) => boolean;
    expect(remapForRelease('10.1.1.1', { taken: sloppy })._unsafeUnwrapErr().type).toBe('TakenCheckFailed');
  });
});

describe('remapForRelease with other tables', () => {
  it('uses the benchmarking table: 198.18.x.x, then 198.19.x.x', () => {
    const table = BENCHMARKING_RELEASE_RULES;
    expect(remapForRelease('10.1.2.3', { taken: nothingTaken, table })._unsafeUnwrap().target).toBe(
      '198.18.2.3',
    );
    const fallback = remapForRelease('10.1.2.3', { taken: new Set(['198.18.2.3']), table })._unsafeUnwrap();
    expect(fallback).toMatchObject({ target: '198.19.2.3', usedFallback: true });
    expect(
      remapForRelease('10.1.2.3', { taken: new Set(['198.18.2.3', '198.19.2.3']), table })._unsafeUnwrapErr()
        .type,
    ).toBe('ReleaseTargetsTaken');
  });

  it('applies a custom table, first matching rule wins, through its fallback chain', () => {
    const table: ReleaseRuleTable = {
      name: 'custom',
      rules: [
        { id: 'lan-a', name: 'LAN A', match: '10.1.0.0/16', target: '198.18.0.0/16' },
        { id: 'all-10', name: '10/8', match: '10.0.0.0/8', target: '198.19.0.0/16' },
      ],
      fallbacks: [
        { id: 'first', name: 'first fallback', target: '100.127.0.0/16' },
        { id: 'second', name: 'second fallback', target: '100.126.0.0/16' },
      ],
    };
    expect(remapForRelease('10.1.9.9', { taken: nothingTaken, table })._unsafeUnwrap().appliedRule.id).toBe(
      'lan-a',
    );
    expect(remapForRelease('10.2.9.9', { taken: nothingTaken, table })._unsafeUnwrap().target).toBe(
      '198.19.9.9',
    );
    const chained = remapForRelease('10.2.9.9', {
      taken: new Set(['198.19.9.9', '100.127.9.9']),
      table,
    })._unsafeUnwrap();
    expect(chained).toMatchObject({
      target: '100.126.9.9',
      appliedRule: { id: 'second' },
      matchedRule: { id: 'all-10' },
    });
    expect(chained.tried.map((attempt) => attempt.ruleId)).toEqual(['all-10', 'first']);
  });

  it('reports NoMatchingRule when a custom table has no catch-all', () => {
    const table: ReleaseRuleTable = {
      name: 'only-10',
      rules: [{ id: 'ten', name: '10/8', match: '10.0.0.0/8', target: '198.18.0.0/16' }],
      fallbacks: [],
    };
    expect(remapForRelease('192.168.0.1', { taken: nothingTaken, table })._unsafeUnwrapErr()).toMatchObject({
      type: 'NoMatchingRule',
      ip: '192.168.0.1',
      table: 'only-10',
    });
  });

  it('rejects an invalid custom table before looking at the IP', () => {
    const table = {
      name: 'bad',
      rules: [{ id: 'x', name: 'x', match: '10.0.0.0/8', target: '127.0.0.0/8' }],
      fallbacks: [],
    };
    expect(remapForRelease('10.0.0.1', { taken: nothingTaken, table })._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidRuleTable',
      field: 'rules[0].target',
      reason: 'target-not-16',
    });
  });
});

describe('remapForRelease input validation', () => {
  it.each(['256.1.1.1', '1.2.3', ' 10.0.0.1', '010.0.0.1', '::1', ''])('rejects %j', (ip) => {
    expect(remapForRelease(ip, { taken: nothingTaken })._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidIp',
      field: 'ip',
    });
  });

  it('rejects a non-string IP', () => {
    expect(
      remapForRelease(167772161 as unknown as string, { taken: nothingTaken })._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'InvalidIp',
      reason: 'not-a-string',
    });
  });

  it.each([
    [undefined, 'options'],
    [{}, 'taken'],
    [{ taken: ['127.0.0.1'] }, 'taken'],
    [{ taken: 'none' }, 'taken'],
  ])('rejects bad options %j', (options, field) => {
    const result = remapForRelease('10.0.0.1', options as unknown as { taken: ReadonlySet<string> });
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidArgument', field });
  });
});
