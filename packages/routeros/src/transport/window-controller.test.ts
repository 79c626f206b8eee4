import { describe, expect, it } from 'vitest';
import { createWindowController, type WindowController, type WindowOutcome } from './window-controller.js';

const REPLY: WindowOutcome = { type: 'reply', sample: true };

/**
 * Drives a controller against a model router: one-way delay `rtt / 2`, writes served one at a time in `s` ms,
 * `n` writes kept as many in flight as the window allows. Returns the elapsed time and the largest latency.
 */
function serialRouter(
  controller: WindowController,
  rtt: number,
  s: number,
  n: number,
): { elapsed: number; maxLatency: number } {
  type Pending = { at: number; ticket: ReturnType<WindowController['sent']> };
  const pending: Pending[] = [];
  let now = 0;
  let sent = 0;
  let inFlight = 0;
  let routerFree = 0;
  let maxLatency = 0;
  const pump = (): void => {
    while (inFlight < controller.size() && sent < n) {
      const ticket = controller.sent(now);
      routerFree = Math.max(now + rtt / 2, routerFree) + s;
      pending.push({ at: routerFree + rtt / 2, ticket });
      sent += 1;
      inFlight += 1;
    }
    pending.sort((a, b) => a.at - b.at);
  };
  pump();
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    now = next.at;
    inFlight -= 1;
    maxLatency = Math.max(maxLatency, now - next.ticket.sentAt);
    controller.settled(next.ticket, REPLY, now);
    pump();
  }
  return { elapsed: now, maxLatency };
}

describe('createWindowController', () => {
  it('starts at the initial window, within min and max', () => {
    expect(createWindowController().size()).toBe(8);
    expect(createWindowController({ initial: 500, max: 64 }).size()).toBe(64);
    expect(createWindowController({ initial: 0 }).size()).toBe(8);
    expect(createWindowController({ initial: 2, min: 4 }).size()).toBe(4);
    expect(createWindowController({ max: Number.NaN }).state()).toMatchObject({ size: 8, slowStart: true });
  });

  it('doubles per round trip in slow start while replies show no queue', () => {
    const c = createWindowController({ initial: 4, max: 128 });
    const tickets = Array.from({ length: 4 }, () => c.sent(0));
    for (const t of tickets) c.settled(t, REPLY, 80);
    expect(c.size()).toBe(8);
    const more = Array.from({ length: 8 }, () => c.sent(80));
    for (const t of more) c.settled(t, REPLY, 160);
    expect(c.size()).toBe(16);
    expect(c.state()).toMatchObject({ slowStart: true, baseLatencyMs: 80, peak: 16 });
  });

  it('halves on a timeout, once per round: only calls sent after the decrease count again', () => {
    const c = createWindowController({ initial: 32 });
    const first = Array.from({ length: 32 }, () => c.sent(0));
    for (const t of first) c.settled(t, { type: 'timeout' }, 15_000);
    expect(c.size()).toBe(16);
    const later = c.sent(15_000);
    c.settled(later, { type: 'timeout' }, 30_000);
    expect(c.size()).toBe(8);
    expect(c.state()).toMatchObject({ slowStart: false, decreases: 2 });
  });

  it('halves on a lost connection and forgets the base latency of the old connection', () => {
    const c = createWindowController({ initial: 16 });
    const t = c.sent(0);
    c.settled(t, REPLY, 50);
    c.settled(c.sent(50), { type: 'lost' }, 60);
    expect(c.state()).toMatchObject({ size: 8, baseLatencyMs: undefined });
  });

  it('never goes below min or above max', () => {
    const c = createWindowController({ initial: 2, min: 2, max: 3 });
    for (let i = 0; i < 10; i++) c.settled(c.sent(i), { type: 'timeout' }, i + 1);
    expect(c.size()).toBe(2);
    const d = createWindowController({ initial: 2, max: 3 });
    for (let i = 0; i < 50; i++) d.settled(d.sent(i), REPLY, i + 1);
    expect(d.size()).toBe(3);
  });

  it('treats traps and print replies as neither growth nor congestion', () => {
    const c = createWindowController({ initial: 8 });
    for (let i = 0; i < 20; i++) c.settled(c.sent(0), { type: 'trap' }, 10);
    for (let i = 0; i < 20; i++) c.settled(c.sent(0), { type: 'reply', sample: false }, 10_000);
    expect(c.state()).toMatchObject({ size: 8, slowStart: true, baseLatencyMs: undefined, decreases: 0 });
  });

  it('halves when a round waits longer than the latency limit', () => {
    const c = createWindowController({ initial: 4, latencyLimitMs: 1000 });
    const tickets = Array.from({ length: 4 }, () => c.sent(0));
    for (const t of tickets) c.settled(t, REPLY, 1500);
    expect(c.size()).toBe(2);
  });

  it('reaches the router-bound floor at 80 ms RTT and 2 ms service, with a short queue', () => {
    const c = createWindowController();
    const { elapsed, maxLatency } = serialRouter(c, 80, 2, 11_000);
    const floor = 80 + 11_000 * 2;
    expect(elapsed / floor).toBeLessThan(1.05);
    // Settles just above the bandwidth-delay product (41 commands) instead of at the cap.
    expect(c.size()).toBeGreaterThan(41);
    expect(c.size()).toBeLessThan(80);
    expect(maxLatency).toBeLessThan(400);
  });

  it('keeps the queue on a slow router far inside the call timeout', () => {
    const c = createWindowController({ latencyLimitMs: 5000 });
    const { elapsed, maxLatency } = serialRouter(c, 80, 200, 400);
    expect(elapsed / (80 + 400 * 200)).toBeLessThan(1.01);
    expect(c.size()).toBeLessThan(20);
    expect(maxLatency).toBeLessThan(7000);
  });

  it('on a LAN keeps only a few commands queued on the router', () => {
    const c = createWindowController();
    const { elapsed, maxLatency } = serialRouter(c, 0.2, 2, 5000);
    expect(elapsed / (0.2 + 5000 * 2)).toBeLessThan(1.01);
    expect(c.size()).toBeLessThanOrEqual(24);
    expect(maxLatency).toBeLessThan(80);
  });
});
