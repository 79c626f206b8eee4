import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('pnpm demo', () => {
  it('runs from source with tsx as its own process and exits 0', async () => {
    // What `pnpm demo` runs (`tsx --conditions=@isp/source src/main.ts`), through node itself.
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['ROUTEROS_URL'];
    const child = spawn(process.execPath, ['--conditions=@isp/source', '--import', 'tsx', 'src/main.ts'], {
      cwd: packageDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('router and billing agree');
    expect(stdout).toMatch(/finished in \d+\.\d s/);
  }, 120_000);
});
