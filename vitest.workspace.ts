// The list of test projects. Vitest 4 no longer discovers this file by name:
// vitest.config.ts imports it into `test.projects`.
import type { TestProjectConfiguration } from 'vitest/config';

export const projects: TestProjectConfiguration[] = [
  'packages/*/vitest.config.ts',
  'examples/*/vitest.config.ts',
];
