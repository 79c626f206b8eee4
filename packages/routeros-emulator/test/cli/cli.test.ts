import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli-args';
import { connectRawClient } from '../../src/testing/index';

const packageDir = join(import.meta.dirname, '..', '..');
const directory = mkdtempSync(join(tmpdir(), 'routeros-emulator-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function startCli(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  line: Promise<string>;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: packageDir });
  const lines = createInterface({ input: child.stdout });
  const line = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', () => reject(new Error('exited before listening')));
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, line, exit };
}

describe('routeros-emulator CLI', () => {
  it('prints one line, serves the API, saves state on SIGTERM and exits 0; the state loads again', async () => {
    const stateFile = join(directory, 'state.json');
    const first = startCli([
      '--port',
      '0',
      '--ros-version',
      '6.49',
      '--user',
      'ops',
      '--password',
      'pw',
      '--state',
      stateFile,
    ]);
    const line = await first.line;
    expect(line).toMatch(/^listening on 127\.0\.0\.1:\d+$/);
    const port = Number(line.split(':')[1]);
    const client = await connectRawClient({ port, timeoutMs: 3000 });
    expect((await client.login('ops', 'pw')).traps).toEqual([]);
    expect((await client.command(['/ppp/secret/add', '=name=kept', '=password=x'])).done.ret).toBe('*1');
    expect((await client.command(['/system/resource/print'])).re[0]?.version).toBe('6.49 (stable)');
    client.close();
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    const saved = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(saved.menus['/ppp/secret'].rows).toEqual([expect.objectContaining({ '.id': '*1', name: 'kept' })]);

    const second = startCli(['--state', stateFile, '--tls']);
    const port2 = Number((await second.line).split(':')[1]);
    const tlsClient = await connectRawClient({ port: port2, tls: true, timeoutMs: 3000 });
    await tlsClient.login();
    expect((await tlsClient.command(['/ppp/secret/print', '?name=kept'])).re).toHaveLength(1);
    tlsClient.close();
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  }, 30_000);

  it('exits 2 with usage on a bad option', async () => {
    const run = startCli(['--bogus']);
    run.line.catch(() => undefined);
    let stderr = '';
    run.child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    expect(await run.exit).toBe(2);
    expect(stderr).toContain('unknown option --bogus');
  }, 30_000);
});

describe('parseCliArgs', () => {
  it('parses every option in both forms', () => {
    expect(
      parseCliArgs([
        '--port=8728',
        '--ros-version',
        '7.16',
        '--user=u',
        '--password',
        'p',
        '--state',
        's.json',
        '--tls',
        '--cost-profile',
        'hex',
      ]),
    ).toEqual({
      ok: true,
      options: {
        port: 8728,
        rosVersion: '7.16',
        user: 'u',
        password: 'p',
        stateFile: 's.json',
        tls: true,
        costProfile: 'hex',
        help: false,
      },
    });
  });
  it('defaults and errors', () => {
    expect(parseCliArgs([])).toMatchObject({
      ok: true,
      options: { port: 0, rosVersion: '7.18', user: 'admin', password: '', tls: false },
    });
    expect(parseCliArgs(['--port', '70000'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['--port'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['--cost-profile', 'nope'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['--tls-key', 'k.pem'])).toMatchObject({ ok: false });
  });
});
