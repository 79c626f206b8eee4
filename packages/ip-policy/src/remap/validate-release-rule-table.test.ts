import { describe, expect, it } from 'vitest';
import { BENCHMARKING_RELEASE_RULES } from './benchmarking-release-rules.js';
import { validateReleaseRuleTable } from './validate-release-rule-table.js';
import { WISPHUB_RELEASE_RULES } from './wisphub-release-rules.js';

const rule = { id: 'r', name: 'rule', match: '10.0.0.0/8', target: '198.18.0.0/16' };
const withRules = (rules: unknown[], fallbacks: unknown[] = []): unknown => ({
  name: 'test',
  rules,
  fallbacks,
});

describe('validateReleaseRuleTable', () => {
  it('accepts the shipped tables unchanged', () => {
    expect(validateReleaseRuleTable(WISPHUB_RELEASE_RULES)._unsafeUnwrap()).toEqual(WISPHUB_RELEASE_RULES);
    expect(validateReleaseRuleTable(BENCHMARKING_RELEASE_RULES)._unsafeUnwrap()).toEqual(
      BENCHMARKING_RELEASE_RULES,
    );
  });

  it('ships the WispHub table as the document states it', () => {
    expect(WISPHUB_RELEASE_RULES.rules.map((entry) => [entry.match, entry.target])).toEqual([
      ['10.0.0.0/8', '127.0.0.0/16'],
      ['192.168.0.0/16', '169.254.0.0/16'],
      ['172.0.0.0/8', '168.0.0.0/16'],
      ['0.0.0.0/0', '168.0.0.0/16'],
    ]);
    expect(WISPHUB_RELEASE_RULES.fallbacks.map((entry) => entry.target)).toEqual(['100.64.0.0/16']);
    expect(Object.isFrozen(WISPHUB_RELEASE_RULES.rules[0])).toBe(true);
  });

  it('returns a frozen copy that later edits of the input cannot change', () => {
    const input = { name: 'mine', rules: [{ ...rule }], fallbacks: [] };
    const table = validateReleaseRuleTable(input)._unsafeUnwrap();
    input.rules[0]!.target = '127.0.0.0/16';
    expect(table.rules[0]!.target).toBe('198.18.0.0/16');
    expect(Object.isFrozen(table)).toBe(true);
  });

  it.each([
    ['not an object', null, 'table', 'not-an-object'],
    ['an array', [], 'table', 'not-an-object'],
    ['missing name', { rules: [rule], fallbacks: [] }, 'name', 'invalid-name'],
    ['rules not an array', { name: 't', rules: 'x', fallbacks: [] }, 'rules', 'not-an-object'],
    ['missing fallbacks', { name: 't', rules: [rule] }, 'fallbacks', 'not-an-object'],
    ['no rules', withRules([]), 'rules', 'empty-rules'],
    ['rule not an object', withRules(['10.0.0.0/8']), 'rules[0]', 'not-an-object'],
    ['bad id', withRules([{ ...rule, id: 'has space' }]), 'rules[0].id', 'invalid-id'],
    ['empty id', withRules([{ ...rule, id: '' }]), 'rules[0].id', 'invalid-id'],
    [
      'duplicate id',
      withRules([rule], [{ id: 'r', name: 'f', target: '198.19.0.0/16' }]),
      'fallbacks[0].id',
      'duplicate-id',
    ],
    ['control characters in name', withRules([{ ...rule, name: 'a\nb' }]), 'rules[0].name', 'invalid-name'],
    ['bad match', withRules([{ ...rule, match: '10.0.0.0/33' }]), 'rules[0].match', 'invalid-cidr'],
    ['match with host bits', withRules([{ ...rule, match: '10.1.2.3/8' }]), 'rules[0].match', 'invalid-cidr'],
    ['IPv6 match', withRules([{ ...rule, match: '::/0' }]), 'rules[0].match', 'invalid-cidr'],
    ['target /8', withRules([{ ...rule, target: '127.0.0.0/8' }]), 'rules[0].target', 'target-not-16'],
    ['target /24', withRules([{ ...rule, target: '198.18.0.0/24' }]), 'rules[0].target', 'target-not-16'],
    [
      'target with host bits',
      withRules([{ ...rule, target: '198.18.1.0/16' }]),
      'rules[0].target',
      'invalid-cidr',
    ],
    [
      'target without prefix',
      withRules([{ ...rule, target: '198.18.0.0' }]),
      'rules[0].target',
      'invalid-cidr',
    ],
    [
      'fallback /15',
      withRules([rule], [{ id: 'f', name: 'f', target: '198.18.0.0/15' }]),
      'fallbacks[0].target',
      'target-not-16',
    ],
    ['too many rules', withRules(Array.from({ length: 257 }, () => rule)), 'rules', 'too-many-entries'],
  ])('rejects %s', (_label, table, field, reason) => {
    expect(validateReleaseRuleTable(table)._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidRuleTable',
      field,
      reason,
    });
  });

  it('ignores inherited and __proto__ keys from JSON input', () => {
    const table = JSON.parse(
      '{"name":"json","__proto__":{"rules":[]},"rules":[{"id":"a","name":"a","match":"0.0.0.0/0","target":"198.18.0.0/16","__proto__":{"x":1}}],"fallbacks":[]}',
    );
    expect(validateReleaseRuleTable(table)._unsafeUnwrap().rules).toHaveLength(1);
    const inherited = Object.create({ name: 'inherited', rules: [rule], fallbacks: [] });
    expect(validateReleaseRuleTable(inherited)._unsafeUnwrapErr().field).toBe('name');
  });
});

describe('validated tables', () => {
  it('are reused by identity and still give the same results', async () => {
    const { remapForRelease } = await import('./remap-for-release.js');
    const input = { name: 'mine', rules: [{ ...rule }], fallbacks: [] };
    const table = validateReleaseRuleTable(input)._unsafeUnwrap();
    expect(validateReleaseRuleTable(table)._unsafeUnwrap()).toBe(table);
    input.rules[0]!.target = '127.0.0.0/16';
    expect(remapForRelease('10.1.2.3', { taken: new Set(), table })._unsafeUnwrap().target).toBe(
      '198.18.2.3',
    );
    expect(remapForRelease('10.1.2.3', { taken: new Set(), table: input })._unsafeUnwrap().target).toBe(
      '127.0.2.3',
    );
  });
});
