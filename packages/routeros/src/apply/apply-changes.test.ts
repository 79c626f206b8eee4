import { errAsync, ok, okAsync, type Result, ResultAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { type RouterError, routerTrap } from '../errors.js';
import type { Change } from '../plan/change.js';
import type { Snapshot } from '../plan/snapshot.js';
import type { RouterConnection, Sentence } from '../transport/router-connection.js';
import { applyChanges } from './apply-changes.js';
import { emptyCounters } from './counters.js';

/** A scripted fake: answers each command from a function and records the words. */
function fake(
  answer: (words: readonly string[]) => readonly Sentence[] | string,
): RouterConnection & { sent: string[][] } {
  const sent: string[][] = [];
  return {
    routerId: 'r1',
    sent,
    close: async () => undefined,
    command(words) {
      sent.push([...words]);
      const reply = answer(words);
      return typeof reply === 'string' ? errAsync(routerTrap('r1', words[0] ?? '', reply)) : okAsync(reply);
    },
  };
}

const owned = {
  '.id': '*1',
  name: 'isp-a',
  target: '10.0.0.1/32',
  'max-limit': '1/1',
  comment: 'isp:a:queue',
};
const foreign = { '.id': '*2', name: 'tech', target: '10.0.0.2/32', comment: 'by hand' };
const snapshot: Snapshot = { menus: new Map([['/queue/simple', [owned, foreign]]]) };

const create = (fields: Record<string, string>, subscriberId = 'b'): Change => ({
  subscriberId,
  operation: 'create',
  path: '/queue/simple',
  key: `isp:${subscriberId}:queue`,
  fields: { ...fields, comment: `isp:${subscriberId}:queue` },
  secretFields: [],
  reason: 'missing',
  phase: 1,
});

function context(connection: RouterConnection) {
  return {
    routerId: 'r1',
    prefix: 'isp',
    connection,
    snapshot,
    window: 4,
    inCustomerNetworks: (ip: string) => ip.startsWith('10.0.'),
    counters: emptyCounters(),
    onProgress: () => undefined,
  };
}

describe('applyChanges', () => {
  it('sends raw words: add with every field, set by .id, remove by .id', async () => {
    const c = fake(() => []);
    const changes: Change[] = [
      create({ name: 'isp-b', target: '10.0.0.3/32', 'max-limit': '5000000/10000000' }),
      {
        subscriberId: 'a',
        operation: 'update',
        path: '/queue/simple',
        key: 'isp:a:queue',
        id: '*1',
        fields: { 'max-limit': '2/2' },
        secretFields: [],
        reason: 'x',
        phase: 1,
      },
      {
        subscriberId: 'a',
        operation: 'remove',
        path: '/queue/simple',
        key: 'isp:a:queue',
        id: '*1',
        fields: {},
        secretFields: [],
        reason: 'x',
        phase: 1,
      },
    ];
    const result = await applyChanges(context(c), changes);
    expect(result.failures.size).toBe(0);
    expect(c.sent).toEqual([
      [
        '/queue/simple/add',
        '=name=isp-b',
        '=target=10.0.0.3/32',
        '=max-limit=5000000/10000000',
        '=comment=isp:b:queue',
      ],
      ['/queue/simple/set', '=.id=*1', '=max-limit=2/2'],
      ['/queue/simple/remove', '=.id=*1'],
    ]);
  });

  it('converges an "already have" trap by re-reading only that entry', async () => {
    const c = fake((words) => {
      if (words[0] === '/queue/simple/add') return 'failure: already have such name';
      if (words[0] === '/queue/simple/print')
        return [
          { '.id': '*9', name: 'isp-b', target: '10.0.0.3/32', 'max-limit': '1/1', comment: 'isp:b:queue' },
        ];
      return [];
    });
    const ctx = context(c);
    const result = await applyChanges(ctx, [
      create({ name: 'isp-b', target: '10.0.0.3/32', 'max-limit': '5/5' }),
    ]);
    expect(result.failures.size).toBe(0);
    expect(c.sent[1]).toEqual([
      '/queue/simple/print',
      '=.proplist=.id,name,target,max-limit,disabled,comment,dynamic',
      '?comment=isp:b:queue',
    ]);
    expect(c.sent[2]).toEqual(['/queue/simple/set', '=.id=*9', '=max-limit=5/5']);
    expect(ctx.counters.retries).toBe(1);
  });

  it('treats "no such item" on remove as done, and fails a subscriber on other traps only', async () => {
    const c = fake((words) =>
      words[0] === '/queue/simple/remove'
        ? 'no such item'
        : words.includes('=name=isp-c')
          ? 'failure: upload-max-limit less than upload-limit'
          : [],
    );
    const result = await applyChanges(context(c), [
      {
        subscriberId: 'a',
        operation: 'remove',
        path: '/queue/simple',
        key: 'isp:a:queue',
        id: '*1',
        fields: {},
        secretFields: [],
        reason: 'x',
        phase: 1,
      },
      create({ name: 'isp-c', target: '10.0.0.4/32' }, 'c'),
      create({ name: 'isp-d', target: '10.0.0.5/32' }, 'd'),
    ]);
    expect([...result.failures.keys()]).toEqual(['c']);
    expect(result.failures.get('c')).toMatchObject({ type: 'RouterTrap', category: 'other' });
    expect(result.applied.map((ch) => ch.subscriberId).sort()).toEqual(['a', 'd']);
  });

  it('guards every write: empty or default-route targets, outside addresses, foreign rows', async () => {
    const c = fake(() => []);
    const result = await applyChanges(context(c), [
      create({ name: 'isp-e', target: '' }, 'e'),
      create({ name: 'isp-f', target: '0.0.0.0/0' }, 'f'),
      create({ name: 'isp-g', target: '192.0.2.1/32' }, 'g'),
      {
        subscriberId: 'h',
        operation: 'remove',
        path: '/queue/simple',
        key: 'tech',
        id: '*2',
        fields: {},
        secretFields: [],
        reason: 'x',
        phase: 1,
      },
      {
        subscriberId: 'i',
        operation: 'update',
        path: '/queue/simple',
        key: 'tech',
        id: '*2',
        fields: { 'max-limit': '1/1' },
        secretFields: [],
        reason: 'x',
        phase: 1,
      },
    ]);
    expect(c.sent).toEqual([]);
    expect(
      Object.fromEntries(
        [...result.failures].map(([k, e]) => [k, e.type === 'UnsafeWrite' ? e.reason : e.type]),
      ),
    ).toEqual({
      e: 'empty-target',
      f: 'default-route-target',
      g: 'outside-customer-networks',
      h: 'not-owned',
      i: 'not-owned',
    });
  });

  it('retries a create once the entry holding its slot has moved away in the same phase', async () => {
    let adds = 0;
    const c = fake((words) => {
      if (words[0] === '/queue/simple/add')
        return ++adds === 1 ? 'failure: already have such name' : [{ ret: '*A' }];
      return [];
    });
    const result = await applyChanges(context(c), [create({ name: 'isp-b', target: '10.0.0.3/32' })]);
    expect(result.failures.size).toBe(0);
    expect(c.sent.map((w) => w[0])).toEqual([
      '/queue/simple/add',
      '/queue/simple/print',
      '/queue/simple/add',
    ]);
  });
});

describe('applyChanges: infrastructure', () => {
  /** A router that runs pipelined commands concurrently: replies come back in reverse order of arrival. */
  function concurrentRouter() {
    const log: string[] = [];
    const done = new Set<string>();
    let inFlight = 0;
    let maxInFlight = 0;
    const names = (words: readonly string[]) =>
      words.find((w) => w.startsWith('=name=') || w.startsWith('=comment='))?.replace(/^=[a-z]+=/, '') ?? '';
    const connection: RouterConnection = {
      routerId: 'r1',
      close: async () => undefined,
      command(words) {
        const name = names(words);
        const queue = words.find((w) => w.startsWith('=queue='))?.slice('=queue='.length);
        log.push(
          `${words[0]} ${name}${queue === undefined ? '' : ` (needs ${queue}: ${done.has(queue) ? 'there' : 'missing'})`}`,
        );
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const delay = 40 - Math.min(39, inFlight * 3);
        return new ResultAsync(
          new Promise<Result<readonly Sentence[], RouterError>>((resolve) =>
            setTimeout(() => {
              inFlight -= 1;
              done.add(name);
              resolve(ok([]));
            }, delay),
          ),
        );
      },
    };
    return { connection, log, stats: () => ({ maxInFlight }) };
  }

  const infra = (path: string, fields: Record<string, string>, extra: Partial<Change> = {}): Change => ({
    subscriberId: null,
    operation: 'create',
    path,
    key: fields['name'] ?? fields['comment'] ?? '',
    fields,
    secretFields: [],
    reason: 'missing',
    phase: 0,
    ...extra,
  });

  it('sends a tree queue only once its queue type exists, and ordered rules one at a time', async () => {
    const router = concurrentRouter();
    const changes: Change[] = [];
    for (const plan of ['a', 'b', 'c']) {
      changes.push(infra('/queue/type', { name: `isp-${plan}`, kind: 'pcq' }));
      changes.push(infra('/queue/tree', { name: `isp-${plan}`, parent: 'global', queue: `isp-${plan}` }));
      changes.push(infra('/ip/firewall/mangle', { chain: 'forward', comment: `isp:infra:mark-${plan}` }, {}));
    }
    for (const rule of ['dns', 'notice', 'drop'])
      changes.push(
        infra(
          '/ip/firewall/filter',
          { chain: 'forward', comment: `isp:infra:${rule}` },
          { sequence: 'filter' },
        ),
      );
    const result = await applyChanges({ ...context(router.connection), window: 16 }, changes);
    expect(result.infrastructureErrors).toEqual([]);
    expect(result.applied).toHaveLength(changes.length);
    expect(router.log.filter((l) => l.includes('missing'))).toEqual([]);
    expect(router.log.filter((l) => l.startsWith('/queue/tree'))).toHaveLength(3);
    expect(router.log.filter((l) => l.startsWith('/ip/firewall/filter'))).toEqual([
      '/ip/firewall/filter/add isp:infra:dns',
      '/ip/firewall/filter/add isp:infra:notice',
      '/ip/firewall/filter/add isp:infra:drop',
    ]);
    // Queue types and mangle rules went out together, with the filter lane beside them.
    expect(router.stats().maxInFlight).toBeGreaterThanOrEqual(7);
  });

  it('removes tree queues before the queue types they use', async () => {
    const router = concurrentRouter();
    const removed: string[] = [];
    const connection: RouterConnection = {
      ...router.connection,
      command(words) {
        removed.push(words[0] ?? '');
        return router.connection.command(words);
      },
    };
    const remove = (path: string, id: string): Change =>
      infra(path, {}, { operation: 'remove', id, key: `isp-${id.slice(1)}`, phase: 3 });
    const row = (id: string) => ({ '.id': id, name: `isp-${id.slice(1)}` });
    const withRows: Snapshot = {
      menus: new Map([
        ['/queue/type', [row('*1'), row('*2')]],
        ['/queue/tree', [row('*3'), row('*4')]],
      ]),
    };
    const result = await applyChanges({ ...context(connection), snapshot: withRows }, [
      remove('/queue/type', '*1'),
      remove('/queue/type', '*2'),
      remove('/queue/tree', '*3'),
      remove('/queue/tree', '*4'),
    ]);
    expect(result.infrastructureErrors).toEqual([]);
    expect(removed).toEqual([
      '/queue/tree/remove',
      '/queue/tree/remove',
      '/queue/type/remove',
      '/queue/type/remove',
    ]);
  });
});
