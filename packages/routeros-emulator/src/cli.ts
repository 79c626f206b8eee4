#!/usr/bin/env node
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseCliArgs, USAGE } from './cli-args';
import type { StateSnapshot } from './engine/snapshot';
import { COST_PROFILES } from './server/cost-model';
import { type EmulatorOptions, startEmulator } from './server/emulator';

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`routeros-emulator: ${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  const cli = parsed.options;
  if (cli.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let state: StateSnapshot | undefined;
  if (cli.stateFile !== undefined && existsSync(cli.stateFile)) {
    try {
      state = JSON.parse(readFileSync(cli.stateFile, 'utf8')) as StateSnapshot;
    } catch (error) {
      process.stderr.write(`routeros-emulator: cannot read state file: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const options: EmulatorOptions = {
    host: '127.0.0.1',
    port: cli.port,
    rosVersion: cli.rosVersion,
    user: cli.user,
    password: cli.password,
    tls:
      cli.tlsKeyFile !== undefined && cli.tlsCertFile !== undefined
        ? { key: readFileSync(cli.tlsKeyFile), cert: readFileSync(cli.tlsCertFile) }
        : cli.tls,
    ...(state !== undefined ? { state } : {}),
    ...(cli.costProfile !== undefined ? { cost: COST_PROFILES[cli.costProfile] } : {}),
  };
  const emulator = await startEmulator(options);
  process.stdout.write(`listening on 127.0.0.1:${emulator.port}\n`);
  return await new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      let code = 0;
      if (cli.stateFile !== undefined) {
        try {
          const temporary = `${cli.stateFile}.tmp`;
          writeFileSync(
            temporary,
            `${JSON.stringify(emulator.snapshot({ configurationOnly: true }), null, 2)}\n`,
          );
          renameSync(temporary, cli.stateFile);
        } catch (error) {
          process.stderr.write(`routeros-emulator: cannot save state: ${(error as Error).message}\n`);
          code = 1;
        }
      }
      void emulator.close().then(() => resolve(code));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`routeros-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
