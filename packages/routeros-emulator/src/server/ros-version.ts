/** A RouterOS version and the behaviours that depend on it. */
export interface RosVersion {
  readonly text: string;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** `/login =name= =password=` (plain) is accepted: 6.43 and later. */
  readonly plainLogin: boolean;
  /** The MD5 challenge login works: before 6.45.1. */
  readonly challengeLogin: boolean;
  /** Bad credentials trap text. */
  readonly badLoginMessage: string;
  /** A print that returns nothing sends `!empty` before `!done`: 7.18 and later. */
  readonly emptyReply: boolean;
}

export type VersionParse =
  | { readonly ok: true; readonly version: RosVersion }
  | { readonly ok: false; readonly message: string };

function atLeast(
  v: { major: number; minor: number; patch: number },
  major: number,
  minor: number,
  patch = 0,
): boolean {
  if (v.major !== major) return v.major > major;
  if (v.minor !== minor) return v.minor > minor;
  return v.patch >= patch;
}

/** Parses `6.42`, `6.49.10`, `7.16`, `7.18.2` (major 6 or 7). */
export function parseRosVersion(text: string): VersionParse {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(typeof text === 'string' ? text.trim() : '');
  if (!match)
    return { ok: false, message: `invalid RouterOS version "${String(text)}" (expected e.g. 6.49 or 7.18)` };
  const parts = { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0) };
  if (parts.major !== 6 && parts.major !== 7) {
    return { ok: false, message: `unsupported RouterOS major version ${parts.major} (6 or 7)` };
  }
  return {
    ok: true,
    version: {
      text: match[0],
      ...parts,
      plainLogin: atLeast(parts, 6, 43),
      challengeLogin: !atLeast(parts, 6, 45, 1),
      badLoginMessage: atLeast(parts, 6, 45) ? 'invalid user name or password (6)' : 'cannot log in',
      emptyReply: atLeast(parts, 7, 18),
    },
  };
}
