import { describe, expect, it } from 'vitest';
import { renderAccessPlan } from './render-access-plan';

describe('renderAccessPlan', () => {
  it('renders one line per change and masks secret-looking fields whatever the adapter put there', () => {
    const text = renderAccessPlan({
      routerId: 'r1',
      changes: [
        {
          subscriberId: 's1',
          operation: 'create',
          target: '/ppp/secret',
          key: 'alice',
          fields: { name: 'alice', password: 'hunter2', profile: 'p-10m' },
          reason: 'missing',
        },
        {
          subscriberId: null,
          operation: 'update',
          target: '/queue/type',
          key: 'pcq-down',
          fields: {},
          reason: 'rate differs',
        },
        {
          subscriberId: 's2',
          operation: 'remove',
          target: '/queue/simple',
          key: 'isp-s2',
          fields: {},
          reason: 'not desired',
        },
      ],
      unchanged: ['s3'],
    });
    expect(text).not.toContain('hunter2');
    expect(text).toBe(
      [
        'Plan for router r1: 3 change(s), 1 unchanged',
        '  + create /ppp/secret alice [s1] name=alice password=*** profile=p-10m — missing',
        '  ~ update /queue/type pcq-down [(router)] — rate differs',
        '  - remove /queue/simple isp-s2 [s2] — not desired',
        '  = unchanged: s3',
      ].join('\n'),
    );
  });

  it('says when there is nothing to do', () => {
    expect(renderAccessPlan({ routerId: 'r9', changes: [], unchanged: [] })).toBe(
      'Plan for router r9: 0 change(s), 0 unchanged\n  (nothing to do)',
    );
  });
});
