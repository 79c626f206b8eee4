import { MENUS } from '../menus/descriptors/index';
import { type Trap, trap } from './trap';

export type PathResolution =
  | { readonly ok: true; readonly menu: string; readonly command: string }
  | { readonly ok: false; readonly traps: readonly Trap[] };

const MENU_PATHS = new Set(MENUS.map((spec) => spec.path));
const DIRECTORIES = new Set<string>();
for (const path of MENU_PATHS) {
  const segments = path.split('/').slice(1);
  for (let i = 1; i <= segments.length; i++) DIRECTORIES.add(`/${segments.slice(0, i).join('/')}`);
}

/**
 * Splits a command word (`/queue/simple/add`) into menu and command. An unknown directory gives the two
 * traps RouterOS sends; a known directory without such a command gives `no such command`.
 */
export function resolvePath(word: string): PathResolution {
  const segments = word.split('/').filter((segment, index) => index > 0 || segment !== '');
  if (!word.startsWith('/') || segments.length < 2) {
    const first = segments[0] ?? word;
    if (word.startsWith('/') && segments.length === 1 && DIRECTORIES.has(`/${first}`)) {
      return { ok: false, traps: [trap('no such command')] };
    }
    return {
      ok: false,
      traps: [trap(`no such command or directory (${first})`), trap('no such command prefix')],
    };
  }
  const command = segments[segments.length - 1]!;
  const menu = `/${segments.slice(0, -1).join('/')}`;
  if (MENU_PATHS.has(menu)) return { ok: true, menu, command };
  let dir = '';
  for (const segment of segments.slice(0, -1)) {
    dir = `${dir}/${segment}`;
    if (!DIRECTORIES.has(dir)) {
      return {
        ok: false,
        traps: [trap(`no such command or directory (${segment})`), trap('no such command prefix')],
      };
    }
  }
  return { ok: false, traps: [trap('no such command')] };
}
