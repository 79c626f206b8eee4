/**
 * The baselines, written the way existing systems do it, on routeros-api raw `write()`:
 * - B0 (phpnuxbill pattern): per subscriber a new connection and login, a print by key, then add or set
 *   (blind: every field, whether it differs or not), strictly sequential.
 * - B1: one connection; per subscriber a print by key, then only the writes that differ, sequential.
 * - B2: one connection; one bulk print per menu, a diff in memory, then the writes one at a time.
 * All three write exactly the rows the adapter's recipe renders, so the final router state must be identical.
 */
import type { DesiredAccess } from '@isp/contracts';
import { type DesiredEntry, differingFields, menuOf, readProperties } from '@isp/routeros';
import { ownerOf, possibleMarkers, type Row, subscriberMenus } from './expected.js';
import { type Mode, subscriberAddress } from './fixtures.js';
import { RawClient, type RawTarget } from './raw-client.js';

export type BaselineId = 'B0' | 'B1' | 'B2';

export interface BaselineInput {
  readonly target: RawTarget;
  readonly mode: Mode;
  readonly desired: readonly DesiredAccess[];
  readonly entries: ReadonlyMap<string, readonly DesiredEntry[]>;
  /** Simulated crash: the process dies (socket dropped, nothing more sent) after this many writes. */
  readonly crashAfterWrites?: number;
}

export interface BaselineResult {
  readonly writes: number;
  readonly crashed: boolean;
}

/** Thrown (internally) when the simulated crash point is reached. */
class Crash extends Error {}

class WriteBudget {
  writes = 0;
  constructor(private readonly crashAfter: number | undefined) {}
  /** Counts one write; crashes the run once the budget is spent. */
  async write(client: RawClient, words: string[]): Promise<void> {
    if (this.crashAfter !== undefined && this.writes >= this.crashAfter) {
      client.abort();
      throw new Crash();
    }
    this.writes++;
    await client.command(words);
  }
}

const proplist = (path: string): string => `=.proplist=${readProperties(menuOf(path)).join(',')}`;

function fieldWords(fields: Readonly<Record<string, string>>, only?: readonly string[]): string[] {
  const keys = only ?? Object.keys(fields);
  return keys.map((key) => `=${key}=${fields[key] ?? ''}`);
}

/** One print per menu for the subscriber's possible markers, OR-ed in a single query. */
async function lookupSubscriber(
  client: RawClient,
  mode: Mode,
  subscriberId: string,
): Promise<Map<string, Row[]>> {
  const byPath = new Map<string, string[]>();
  for (const { path, marker } of possibleMarkers(mode, subscriberId)) {
    const list = byPath.get(path) ?? [];
    list.push(marker);
    byPath.set(path, list);
  }
  const found = new Map<string, Row[]>();
  for (const [path, markers] of byPath) {
    const query = markers.map((m) => `?comment=${m}`);
    if (markers.length > 1) query.push(`?#${'|'.repeat(markers.length - 1)}`);
    const rows = await client.command([`${path}/print`, proplist(path), ...query]);
    for (const row of rows) {
      const key = `${path}|${row['comment'] ?? ''}`;
      const list = found.get(key) ?? [];
      list.push(row);
      found.set(key, list);
    }
  }
  return found;
}

/** Converges one subscriber from its looked-up rows; `blind` sets every field of an existing row. */
async function convergeSubscriber(
  client: RawClient,
  budget: WriteBudget,
  entries: readonly DesiredEntry[],
  found: Map<string, Row[]>,
  blind: boolean,
): Promise<void> {
  const wanted = new Set<string>();
  for (const entry of entries) {
    const key = `${entry.path}|${entry.identity}`;
    wanted.add(key);
    const rows = found.get(key) ?? [];
    const [first, ...extra] = rows;
    if (first === undefined) {
      await budget.write(client, [`${entry.path}/add`, ...fieldWords(entry.fields)]);
    } else {
      const differing = differingFields(menuOf(entry.path), entry.fields, first);
      if (blind || differing.length > 0) {
        await budget.write(client, [
          `${entry.path}/set`,
          `=.id=${first['.id'] ?? ''}`,
          ...fieldWords(entry.fields, blind ? undefined : differing),
        ]);
      }
    }
    for (const row of extra) await budget.write(client, [`${entry.path}/remove`, `=.id=${row['.id'] ?? ''}`]);
  }
  for (const [key, rows] of found) {
    if (wanted.has(key)) continue;
    const path = key.slice(0, key.indexOf('|'));
    for (const row of rows) await budget.write(client, [`${path}/remove`, `=.id=${row['.id'] ?? ''}`]);
  }
}

async function guarded(budget: WriteBudget, work: () => Promise<void>): Promise<BaselineResult> {
  try {
    await work();
    return { writes: budget.writes, crashed: false };
  } catch (error) {
    if (error instanceof Crash) return { writes: budget.writes, crashed: true };
    throw error;
  }
}

/** B0: connect + login per subscriber, lookup, blind add-or-set, close. */
export function runB0(input: BaselineInput): Promise<BaselineResult> {
  const budget = new WriteBudget(input.crashAfterWrites);
  return guarded(budget, async () => {
    for (const d of input.desired) {
      const client = await RawClient.connect(input.target);
      try {
        const found = await lookupSubscriber(client, input.mode, d.subscriberId);
        await convergeSubscriber(client, budget, input.entries.get(d.subscriberId) ?? [], found, true);
      } finally {
        await client.close();
      }
    }
  });
}

/** B1: one connection, per-subscriber lookup, write only what differs. */
export function runB1(input: BaselineInput): Promise<BaselineResult> {
  const budget = new WriteBudget(input.crashAfterWrites);
  return guarded(budget, async () => {
    const client = await RawClient.connect(input.target);
    try {
      for (const d of input.desired) {
        const found = await lookupSubscriber(client, input.mode, d.subscriberId);
        await convergeSubscriber(client, budget, input.entries.get(d.subscriberId) ?? [], found, false);
      }
    } finally {
      await client.close();
    }
  });
}

/** B2: one connection, one bulk print per menu, diff in memory, sequential writes. */
export function runB2(input: BaselineInput): Promise<BaselineResult> {
  const budget = new WriteBudget(input.crashAfterWrites);
  return guarded(budget, async () => {
    const client = await RawClient.connect(input.target);
    try {
      const found = new Map<string, Map<string, Row[]>>();
      const reads = await Promise.all(
        subscriberMenus(input.mode).map(async (path) => ({
          path,
          rows: await client.command([`${path}/print`, proplist(path)]),
        })),
      );
      for (const { path, rows } of reads) {
        for (const row of rows) {
          if (row['dynamic'] === 'true') continue;
          const owner = ownerOf(row);
          if (owner === null) continue;
          const perSubscriber = found.get(owner) ?? new Map<string, Row[]>();
          const key = `${path}|${row['comment'] ?? ''}`;
          perSubscriber.set(key, [...(perSubscriber.get(key) ?? []), row]);
          found.set(owner, perSubscriber);
        }
      }
      const known = new Set<string>();
      for (const d of input.desired) {
        known.add(d.subscriberId);
        const rows = found.get(d.subscriberId) ?? new Map<string, Row[]>();
        await convergeSubscriber(client, budget, input.entries.get(d.subscriberId) ?? [], rows, false);
      }
      // Owned rows of subscribers no longer in the desired state.
      for (const [owner, rows] of found) {
        if (!known.has(owner)) await convergeSubscriber(client, budget, [], rows, false);
      }
    } finally {
      await client.close();
    }
  });
}

export const BASELINES: Readonly<Record<BaselineId, (input: BaselineInput) => Promise<BaselineResult>>> = {
  B0: runB0,
  B1: runB1,
  B2: runB2,
};

export { subscriberAddress };
