import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { invalidIpv4, ipv4, takenSet } from '../testing/index.js';
import { BENCHMARKING_RELEASE_RULES } from './benchmarking-release-rules.js';
import { remapForRelease } from './remap-for-release.js';
import type { ReleaseRuleTable } from './types.js';
import { WISPHUB_RELEASE_RULES } from './wisphub-release-rules.js';

const lastTwo = (ip: string): string => ip.split('.').slice(2).join('.');
const firstTwo = (ip: string): string => ip.split('.').slice(0, 2).join('.');
const prefixOf = (target: string): string => firstTwo(target.split('/')[0]!);

/** Independent statement of W6: the expected first two octets of the release target when nothing is taken. */
function wisphubPrefix(ip: string): string {
  const [a, b] = ip.split('.').map(Number);
  if (a === 10) return '127.0';
  if (a === 192 && b === 168) return '169.254';
  return '168.0';
}

/** The release targets of `ip` under `table`, in the order they are tried, so the taken set can hit them. */
function targetsOf(ip: string, table: ReleaseRuleTable): string[] {
  return [...table.rules, ...table.fallbacks].map((entry) => `${prefixOf(entry.target)}.${lastTwo(ip)}`);
}

/** An IP, and a taken set that contains each of its release targets with probability 1/2, plus noise. */
const ipAndTaken = (table: ReleaseRuleTable) =>
  ipv4().chain((ip) =>
    fc
      .tuple(fc.subarray(targetsOf(ip, table)), takenSet(undefined, { maxSize: 8 }))
      .map(([targets, noise]) => ({ ip, taken: new Set([...targets, ...noise]) as ReadonlySet<string> })),
  );

const blockOf16 = fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `${a}.${b}.0.0/16`);
const ruleTable: fc.Arbitrary<ReleaseRuleTable> = fc
  .record({
    rules: fc.array(
      fc.record({
        match: fc.tuple(ipv4(), fc.integer({ min: 0, max: 16 })).map(([ip, prefix]) => {
          const octets = ip.split('.').map(Number);
          const value = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
          const masked = prefix === 0 ? 0 : (value & ((0xffffffff << (32 - prefix)) >>> 0)) >>> 0;
          return `${masked >>> 24}.${(masked >>> 16) & 255}.${(masked >>> 8) & 255}.${masked & 255}/${prefix}`;
        }),
        target: blockOf16,
      }),
      { minLength: 1, maxLength: 5 },
    ),
    fallbacks: fc.array(blockOf16, { maxLength: 3 }),
  })
  .map(({ rules, fallbacks }) => ({
    name: 'generated',
    rules: rules.map((entry, index) => ({ id: `rule-${index}`, name: `rule ${index}`, ...entry })),
    fallbacks: fallbacks.map((target, index) => ({
      id: `fallback-${index}`,
      name: `fallback ${index}`,
      target,
    })),
  }));

describe('remapForRelease properties', () => {
  for (const table of [WISPHUB_RELEASE_RULES, BENCHMARKING_RELEASE_RULES]) {
    test.prop([ipAndTaken(table)], { numRuns: 1000 })(
      `${table.name}: every valid IPv4 gets exactly one outcome, never a taken or the original IP`,
      ({ ip, taken }) => {
        const result = remapForRelease(ip, { taken, table });
        expect(result.isOk() !== result.isErr()).toBe(true);
        if (result.isOk()) {
          const { target } = result.value;
          expect(taken.has(target)).toBe(false);
          expect(target).not.toBe(ip);
          expect(lastTwo(target)).toBe(lastTwo(ip));
          expect(result.value.original).toBe(ip);
          expect(targetsOf(ip, table)).toContain(target);
        } else {
          expect(result.error).toMatchObject({
            type: 'ReleaseTargetsTaken',
            original: ip,
            requiresManualIp: true,
          });
          if (result.error.type === 'ReleaseTargetsTaken') {
            expect(result.error.tried.map((attempt) => attempt.target)).toHaveLength(
              1 + table.fallbacks.length,
            );
            for (const attempt of result.error.tried) {
              expect(taken.has(attempt.target) || attempt.target === ip).toBe(true);
            }
          }
        }
      },
    );
  }

  test.prop([ipv4()], { numRuns: 1000 })('WispHub: with nothing taken the target follows W6', (ip) => {
    const result = remapForRelease(ip, { taken: new Set() })._unsafeUnwrap();
    const expected = wisphubPrefix(ip);
    expect(firstTwo(result.target)).toBe(firstTwo(ip) === expected ? '100.64' : expected);
    expect(result.usedFallback).toBe(firstTwo(ip) === expected);
  });

  test.prop([ruleTable, ipv4(), takenSet(undefined, { maxSize: 4 })], { numRuns: 1000 })(
    'custom tables: every rule keeps the last two octets and the first matching rule is used',
    (table, ip, noise) => {
      const targets = targetsOf(ip, table);
      const taken = new Set([...noise, ...targets.filter((_, index) => index % 2 === 1)]);
      const result = remapForRelease(ip, { taken, table });
      const matchIndex = table.rules.findIndex((entry) => {
        const [network, prefix] = entry.match.split('/');
        const bits = Number(prefix);
        const toInt = (text: string): number =>
          text.split('.').reduce((total, octet) => total * 256 + Number(octet), 0);
        return Math.floor(toInt(ip) / 2 ** (32 - bits)) === Math.floor(toInt(network!) / 2 ** (32 - bits));
      });
      if (matchIndex === -1) {
        expect(result._unsafeUnwrapErr().type).toBe('NoMatchingRule');
        return;
      }
      if (result.isOk()) {
        expect(result.value.matchedRule.id).toBe(`rule-${matchIndex}`);
        expect(lastTwo(result.value.target)).toBe(lastTwo(ip));
        expect(taken.has(result.value.target)).toBe(false);
        expect(result.value.target).not.toBe(ip);
      } else {
        expect(result.error.type).toBe('ReleaseTargetsTaken');
      }
    },
  );

  test.prop([invalidIpv4()], { numRuns: 1000 })('invalid input gives InvalidIp and never throws', (value) => {
    const result = remapForRelease(value as string, { taken: new Set() });
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidIp', field: 'ip' });
  });
});
