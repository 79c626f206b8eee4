import { COST_PROFILES } from './server/cost-model';

/** Parsed command line of the `routeros-emulator` bin. */
export interface CliOptions {
  readonly port: number;
  readonly rosVersion: string;
  readonly user: string;
  readonly password: string;
  readonly stateFile?: string;
  readonly tls: boolean;
  readonly tlsKeyFile?: string;
  readonly tlsCertFile?: string;
  readonly costProfile?: keyof typeof COST_PROFILES;
  readonly help: boolean;
}

export type CliParse =
  | { readonly ok: true; readonly options: CliOptions }
  | { readonly ok: false; readonly message: string };

export const USAGE = `Usage: routeros-emulator [options]

  --port N            TCP port on 127.0.0.1 (default 0 = any free port)
  --ros-version V     emulated RouterOS version: 6.42, 6.49, 7.16, 7.18, … (default 7.18)
  --user NAME         API user (default admin)
  --password PASS     API password (default empty)
  --state FILE        load the configuration from FILE at start, save it there on exit
  --tls               serve API-SSL with the bundled test certificate (testing only)
  --tls-key FILE      PEM private key for --tls
  --tls-cert FILE     PEM certificate for --tls
  --cost-profile P    cost model preset: ${Object.keys(COST_PROFILES).join(', ')}
  --help              show this text

Prints exactly one line "listening on 127.0.0.1:PORT" when ready; SIGINT/SIGTERM save state and exit 0.`;

/** Parses `--flag value` / `--flag=value` arguments. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const values = new Map<string, string | true>();
  const flags = new Set(['--tls', '--help']);
  const known = new Set([
    '--port',
    '--ros-version',
    '--user',
    '--password',
    '--state',
    '--tls-key',
    '--tls-cert',
    '--cost-profile',
    ...flags,
  ]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.has(name)) return { ok: false, message: `unknown option ${name}` };
    if (flags.has(name)) {
      values.set(name, true);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) return { ok: false, message: `option ${name} needs a value` };
    values.set(name, value);
  }
  const text = (name: string): string | undefined => {
    const value = values.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const portText = text('--port') ?? '0';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535)
    return { ok: false, message: `invalid port ${portText}` };
  const profile = text('--cost-profile');
  if (profile !== undefined && !(profile in COST_PROFILES)) {
    return { ok: false, message: `unknown cost profile ${profile}` };
  }
  const options: CliOptions = {
    port: Number(portText),
    rosVersion: text('--ros-version') ?? '7.18',
    user: text('--user') ?? 'admin',
    password: text('--password') ?? '',
    tls: values.has('--tls') || values.has('--tls-key') || values.has('--tls-cert'),
    help: values.has('--help'),
    ...(text('--state') !== undefined ? { stateFile: text('--state')! } : {}),
    ...(text('--tls-key') !== undefined ? { tlsKeyFile: text('--tls-key')! } : {}),
    ...(text('--tls-cert') !== undefined ? { tlsCertFile: text('--tls-cert')! } : {}),
    ...(profile !== undefined ? { costProfile: profile as keyof typeof COST_PROFILES } : {}),
  };
  if ((options.tlsKeyFile === undefined) !== (options.tlsCertFile === undefined)) {
    return { ok: false, message: '--tls-key and --tls-cert go together' };
  }
  return { ok: true, options };
}
