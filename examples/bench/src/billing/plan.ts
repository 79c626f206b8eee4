export interface BillingLaneSpec {
  /**
   * `daily-run`: every contract and invoice generated into memory first, then the day runs over them all.
   * `sharded`: contracts are generated (read from the store) and run shard by shard, each shard dropped
   * after its run — how a daily job over a large base is run (docs/scaling.md).
   */
  readonly variant: 'daily-run' | 'sharded';
  readonly size: number;
  /** Contracts per shard (`sharded` only). */
  readonly shardSize?: number;
  readonly nodeArgs: readonly string[];
}

export function billingPlan(quick: boolean): BillingLaneSpec[] {
  const nodeArgs = ['--max-old-space-size=8192', '--expose-gc'];
  if (quick)
    return [
      { variant: 'daily-run', size: 20_000, nodeArgs },
      { variant: 'sharded', size: 20_000, shardSize: 5_000, nodeArgs },
    ];
  return [
    { variant: 'daily-run', size: 100_000, nodeArgs },
    { variant: 'sharded', size: 1_000_000, shardSize: 50_000, nodeArgs },
    { variant: 'daily-run', size: 1_000_000, nodeArgs },
  ];
}
