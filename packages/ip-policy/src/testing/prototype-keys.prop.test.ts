import { test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { allocateIp } from '../pool/allocate-ip.js';
import { remapForRelease } from '../remap/remap-for-release.js';
import { poolList, withPrototypeKeys } from './index.js';

test.prop([poolList().chain((pools) => withPrototypeKeys({ pools, taken: new Set<string>() }))], {
  numRuns: 200,
})('options with prototype keys neither throw nor pollute Object.prototype', (options) => {
  expect(
    Object.hasOwn(options, '__proto__') ||
      Object.hasOwn(options, 'constructor') ||
      Object.hasOwn(options, 'prototype'),
  ).toBe(true);
  const result = allocateIp(options);
  expect(result.isOk() || typeof result._unsafeUnwrapErr().field === 'string').toBe(true);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

test.prop([withPrototypeKeys({ taken: new Set<string>() })], { numRuns: 50 })(
  'remap options with prototype keys answer as usual',
  (options) => {
    expect(remapForRelease('10.1.2.3', options).isOk()).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  },
);
