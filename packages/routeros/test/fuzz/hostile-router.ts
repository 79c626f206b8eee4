// Test doubles for the routeros fuzz and hostile suites: snapshots and connections that answer with what a
// buggy or hostile router could print.
import fc from 'fast-check';
import { okAsync } from 'neverthrow';
import type { ResourceDescriptor, RouterConnection, Row, Snapshot } from '../../src/index';
import { ALL_MENUS } from '../../src/index';
import { hostileRowArbitrary } from '../../src/testing/index';

/** A snapshot whose menus hold hostile rows, some of them carrying our ownership marker. */
export const hostileSnapshot = (prefix = 'isp'): fc.Arbitrary<Snapshot> =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...ALL_MENUS.map((m: ResourceDescriptor) => m.path)),
        fc.array(
          fc.tuple(
            hostileRowArbitrary(),
            fc.nat(0xffff),
            fc.boolean(),
            fc.constantFrom('sub-1', 'sub-2', 'infra:x'),
          ),
          { maxLength: 5 },
        ),
      ),
      { maxLength: 6 },
    )
    .map((menus) => ({
      menus: new Map(
        menus.map(([path, rows]) => [
          path,
          rows.map(
            ([row, id, owned, who]): Row => ({
              ...row,
              '.id': `*${id.toString(16).toUpperCase()}`,
              ...(owned ? { comment: `${prefix}:${who}:queue`, name: `${prefix}-${who}` } : {}),
            }),
          ),
        ]),
      ),
    }));

/** A connection that answers every print with the snapshot's rows of that menu and every write with `!done`. */
export function snapshotConnection(
  snapshot: Snapshot,
  routerId = 'r1',
): RouterConnection & { readonly sent: string[][] } {
  const sent: string[][] = [];
  return {
    routerId,
    sent,
    command(words) {
      sent.push([...words]);
      const [command = ''] = words;
      if (command.endsWith('/print'))
        return okAsync(snapshot.menus.get(command.slice(0, -'/print'.length)) ?? []);
      if (command.endsWith('/add')) return okAsync([{ ret: '*FFFF' }]);
      return okAsync([]);
    },
    close: () => Promise.resolve(),
  };
}
