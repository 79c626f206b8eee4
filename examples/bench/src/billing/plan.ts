export interface BillingLaneSpec {
  readonly variant: 'daily-run';
  readonly size: number;
  readonly nodeArgs: readonly string[];
}

export function billingPlan(quick: boolean): BillingLaneSpec[] {
  const nodeArgs = ['--max-old-space-size=8192', '--expose-gc'];
  const sizes = quick ? [20_000] : [100_000, 1_000_000];
  return sizes.map((size) => ({ variant: 'daily-run', size, nodeArgs }));
}
