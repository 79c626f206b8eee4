// Prints allocation and release-remap figures. Run: pnpm --filter @isp/ip-policy bench
import { performance } from 'node:perf_hooks';
import { createIpAllocator, remapForRelease } from '../src/index.js';

function measure(label: string, iterations: number, run: () => void): void {
  run();
  const start = performance.now();
  for (let index = 0; index < iterations; index++) run();
  const perCall = (performance.now() - start) / iterations;
  console.log(`${label.padEnd(64)} ${perCall.toFixed(4).padStart(10)} ms/call`);
}

const hostsOf16 = (count: number, offset = 1): string[] =>
  Array.from({ length: count }, (_, index) => {
    const value = index + offset;
    return `10.20.${value >> 8}.${value & 255}`;
  });

const allocator = createIpAllocator({ pools: ['10.20.0.0/16'], exclusions: ['10.20.0.1'] })._unsafeUnwrap();

for (const takenCount of [1_000, 5_000, 30_000, 65_000]) {
  // The taken addresses are the lowest ones: the worst case for a lowest-free scan.
  const taken = new Set(hostsOf16(takenCount, 2));
  measure(`allocate, /16 pool, ${takenCount} taken (Set)`, 20, () => {
    allocator.allocate({ taken });
  });
}

const takenPredicateSet = new Set(hostsOf16(5_000, 2));
measure('allocate, /16 pool, 5000 taken (predicate)', 20, () => {
  allocator.allocate({ taken: (ip) => takenPredicateSet.has(ip) });
});

measure('createIpAllocator + allocate (allocateIp), /16, 5000 taken', 20, () => {
  createIpAllocator({ pools: ['10.20.0.0/16'], exclusions: ['10.20.0.1'] })
    ._unsafeUnwrap()
    .allocate({ taken: takenPredicateSet });
});

// Baseline: the naive approach this package avoids — walking the pool as strings and searching an array
// of taken IPs for each candidate (O(pool × taken)).
const takenArray = [...takenPredicateSet];
measure('baseline: naive string scan with Array.includes, 5000 taken', 5, () => {
  for (let value = 2; value < 65_535; value++) {
    const ip = `10.20.${value >> 8}.${value & 255}`;
    if (!takenArray.includes(ip)) break;
  }
});

const releaseTaken = new Set(hostsOf16(10_000).map((ip) => ip.replace(/^10\.20\./, '127.0.')));
measure('remapForRelease (WispHub table), 10000 taken', 10_000, () => {
  remapForRelease('10.20.3.4', { taken: releaseTaken });
});

const bulk = hostsOf16(10_000);
measure('remapForRelease, bulk of 10000 services', 5, () => {
  for (const ip of bulk) remapForRelease(ip, { taken: releaseTaken });
});
