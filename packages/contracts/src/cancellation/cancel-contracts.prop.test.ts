import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { numberedContract, plans } from '../../test/fixtures';
import type { Contract } from '../contract/types';
import { cancelContracts } from './cancel-contracts';

const target = fc.oneof(
  fc.integer({ min: 1, max: 250 }).map((n) => ({ contract: numberedContract(n), invoices: [] })),
  fc
    .integer({ min: 1, max: 250 })
    .map((n) => ({ contract: { ...numberedContract(n), status: 'cancelled' } as Contract, invoices: [] })),
  fc.constant({ contract: null as unknown as Contract, invoices: [] }),
);

test.prop(
  [
    fc.array(target, { maxLength: 15 }),
    fc.constantFrom('none', 'release-ip', 'keep-ip-and-suspend' as const),
  ],
  { numRuns: 50 },
)(
  'a bulk cancellation returns exactly one outcome per input, in order, and never a duplicate release IP',
  (targets, network) => {
    const outcomes = cancelContracts(targets, {
      date: '2026-06-20',
      reason: 'bulk',
      network: network as 'none',
      taken: new Set(['127.0.1.7']),
      plans,
    });
    expect(outcomes).toHaveLength(targets.length);
    targets.forEach((t, i) => {
      if (t.contract !== null) expect(outcomes[i]?.contractId).toBe(t.contract.id);
    });
    const ips = outcomes.flatMap((o) =>
      o.outcome === 'cancelled' ? o.result.ipChanges.map((c) => c.to) : [],
    );
    expect(new Set(ips).size).toBe(ips.length);
    expect(ips).not.toContain('127.0.1.7');
  },
);
