import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@isp/source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['@isp/source', 'module', 'node', 'import', 'default'] } },
  test: {
    name: '@isp/routeros',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/setup/loopback-guard.ts'],
  },
});
