import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { createWindowController, type WindowOutcome, type WindowTicket } from './window-controller.js';

const outcomeArb: fc.Arbitrary<WindowOutcome> = fc.oneof(
  fc.record({ type: fc.constant('reply' as const), sample: fc.boolean() }),
  fc.constant({ type: 'trap' as const }),
  fc.constant({ type: 'timeout' as const }),
  fc.constant({ type: 'lost' as const }),
);

const settingsArb = fc.record(
  {
    initial: fc.integer({ min: -5, max: 300 }),
    min: fc.integer({ min: -5, max: 20 }),
    max: fc.integer({ min: -5, max: 300 }),
    growBelow: fc.integer({ min: 0, max: 32 }),
    shrinkAbove: fc.integer({ min: 0, max: 64 }),
    latencyLimitMs: fc.double({ min: -10, max: 20_000, noNaN: true }),
  },
  { requiredKeys: [] },
);

/** Events: send a command, or settle one of those in flight (by index) after some time. */
const eventsArb = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('send' as const), dt: fc.double({ min: 0, max: 500, noNaN: true }) }),
    fc.record({
      kind: fc.constant('settle' as const),
      pick: fc.nat(),
      dt: fc.double({ min: 0, max: 20_000, noNaN: true }),
      outcome: outcomeArb,
    }),
  ),
  { maxLength: 400 },
);

test.prop([settingsArb, eventsArb])(
  'the window stays a whole number within [min, max], and timeouts and lost connections never grow it',
  (settings, events) => {
    const c = createWindowController(settings);
    const lowest = Math.max(settings.min ?? 1, 1);
    const highest = Math.max(lowest, (settings.max ?? 128) >= 1 ? (settings.max ?? 128) : 128);
    const open: WindowTicket[] = [];
    let now = 0;
    for (const event of events) {
      now += event.dt;
      if (event.kind === 'send') {
        open.push(c.sent(now));
        continue;
      }
      if (open.length === 0) continue;
      const [ticket] = open.splice(event.pick % open.length, 1) as [WindowTicket];
      const before = c.size();
      c.settled(ticket, event.outcome, now);
      const after = c.size();
      expect(Number.isInteger(after)).toBe(true);
      expect(after).toBeGreaterThanOrEqual(lowest);
      expect(after).toBeLessThanOrEqual(highest);
      if (event.outcome.type === 'timeout' || event.outcome.type === 'lost')
        expect(after).toBeLessThanOrEqual(before);
      expect(c.state().peak).toBeGreaterThanOrEqual(after);
    }
  },
);

test.prop([
  fc.integer({ min: 1, max: 16 }),
  fc.integer({ min: 17, max: 256 }),
  fc.double({ min: 0.1, max: 500, noNaN: true }),
])(
  'replies that show no queue on the router only ever grow the window, up to max',
  (initial, max, latency) => {
    const c = createWindowController({ initial, max });
    let now = 0;
    let previous = c.size();
    for (let i = 0; i < 4 * max + 64; i++) {
      const ticket = c.sent(now);
      now += latency;
      c.settled(ticket, { type: 'reply', sample: true }, now);
      expect(c.size()).toBeGreaterThanOrEqual(previous);
      previous = c.size();
    }
    expect(c.size()).toBe(max);
    expect(c.state().decreases).toBe(0);
  },
);

test.prop([fc.integer({ min: 2, max: 128 }), fc.integer({ min: 1, max: 40 })])(
  'a burst of timeouts of calls sent together halves the window once',
  (initial, burst) => {
    const c = createWindowController({ initial, max: 128 });
    const tickets = Array.from({ length: burst }, () => c.sent(0));
    for (const t of tickets) c.settled(t, { type: 'timeout' }, 15_000);
    expect(c.size()).toBe(Math.max(1, Math.floor(initial / 2)));
    expect(c.state().decreases).toBe(1);
  },
);
