import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@isp/source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['@isp/source', 'module', 'node', 'import', 'default'] } },
  test: {
    name: '@isp/holidays',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
