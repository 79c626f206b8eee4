/**
 * The adaptive window of one router connection: how many commands may be in flight at once.
 *
 * A router serves API writes one at a time, so throughput is `min(W / (RTT + s), 1 / s)` for a window `W`,
 * RTT and service time `s` (Little's law): a small fixed window starves a distant router, a large one only
 * queues commands on a slow router until they time out. The controller keeps the window just above the
 * bandwidth-delay product, measured, not configured:
 *
 * - **Slow start**: from `initial`, +1 per reply (the window doubles every round trip) while the router shows
 *   no queue.
 * - **Queue estimate** (delay-based, as TCP Vegas): once per round (a window's worth of replies),
 *   `queued = W × (1 − base / latency)` estimates the commands waiting on the router, with `base` the
 *   least latency seen on the connection and `latency` the least of the round. Fewer than `growBelow`
 *   queued: +1; more than `shrinkAbove`: −1. The router is then always busy, with a short queue.
 * - **Multiplicative decrease**: a timeout, a lost connection, or a round whose latency passes `latencyLimitMs`
 *   halves the window — once per round: only calls sent after the last decrease can cause another one.
 *
 * Only replies to writes carry a latency sample (a print's service time grows with the table); traps are
 * neither growth nor congestion. Pure: the caller passes the clock readings.
 */

/** Settings of the adaptive window. */
export interface WindowSettings {
  /** Window at the start (and the fixed window when `adaptive` is false). Default 8. */
  readonly initial?: number;
  /** Smallest window. Default 1. */
  readonly min?: number;
  /** Largest window. Default 128. */
  readonly max?: number;
  /** Grow while fewer commands than this are estimated queued on the router. Default 8. */
  readonly growBelow?: number;
  /** Shrink while more commands than this are estimated queued on the router. Default 16. */
  readonly shrinkAbove?: number;
  /** A round whose least latency passes this halves the window (keep it well under the call timeout). */
  readonly latencyLimitMs?: number;
}

/** One command handed to the router, as the controller tracks it. */
export interface WindowTicket {
  readonly sequence: number;
  readonly sentAt: number;
}

/** How a command ended: `reply` (with a latency sample when `sample`), `trap`, `timeout` or `lost`. */
export type WindowOutcome =
  | { readonly type: 'reply'; readonly sample: boolean }
  | { readonly type: 'trap' }
  | { readonly type: 'timeout' }
  | { readonly type: 'lost' };

/** The controller's state, for reports and tests. */
export interface WindowState {
  /** Commands that may be in flight now (an integer, `min` ≤ size ≤ `max`). */
  readonly size: number;
  /** Least reply latency seen on the connection (ms), or `undefined` before the first sample. */
  readonly baseLatencyMs: number | undefined;
  readonly slowStart: boolean;
  /** Largest window reached. */
  readonly peak: number;
  /** Decreases so far (timeouts, lost connections, latency over the limit). */
  readonly decreases: number;
}

export interface WindowController {
  /** Commands that may be in flight now. */
  size(): number;
  /** Records that a command was handed to the router at `now` (ms). */
  sent(now: number): WindowTicket;
  /** Records how a command ended at `now` (ms). */
  settled(ticket: WindowTicket, outcome: WindowOutcome, now: number): void;
  state(): WindowState;
}

function whole(value: number | undefined, fallback: number, min: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min ? Math.floor(value) : fallback;
}

/** Creates an adaptive window controller (see the module comment for the algorithm). */
export function createWindowController(options: WindowSettings = {}): WindowController {
  // Settings may come from untyped configuration: anything that is not a usable number takes its default.
  const settings: WindowSettings = typeof options === 'object' && options !== null ? options : {};
  const min = whole(settings.min, 1, 1);
  const max = Math.max(min, whole(settings.max, 128, 1));
  const initial = Math.min(max, Math.max(min, whole(settings.initial, 8, 1)));
  const growBelow = whole(settings.growBelow, 8, 0);
  const shrinkAbove = Math.max(growBelow, whole(settings.shrinkAbove, 16, 0));
  const latencyLimit =
    typeof settings.latencyLimitMs === 'number' && settings.latencyLimitMs > 0
      ? settings.latencyLimitMs
      : Number.POSITIVE_INFINITY;

  let window = initial;
  let slowStart = true;
  let base = Number.POSITIVE_INFINITY;
  let peak = initial;
  let decreases = 0;
  let nextSequence = 0;
  /** Calls sent before this sequence number cannot cause another decrease. */
  let decreaseFence = 0;
  let roundSettled = 0;
  /** Calls that make up the current round: the window when it began. */
  let roundLength = initial;
  let roundLeast = Number.POSITIVE_INFINITY;

  const clamp = (value: number): number => Math.min(max, Math.max(min, value));
  const size = (): number => Math.floor(window);
  const newRound = (): void => {
    roundSettled = 0;
    roundLength = size();
    roundLeast = Number.POSITIVE_INFINITY;
  };
  const decrease = (ticket: WindowTicket): void => {
    if (ticket.sequence < decreaseFence) return;
    window = clamp(Math.floor(window / 2));
    slowStart = false;
    decreases += 1;
    decreaseFence = nextSequence;
    newRound();
  };
  const endOfRound = (ticket: WindowTicket): void => {
    if (roundLeast === Number.POSITIVE_INFINITY) {
      newRound();
      return;
    }
    if (roundLeast > latencyLimit) {
      decrease(ticket);
      return;
    }
    const queued = window * (1 - base / roundLeast);
    if (slowStart) {
      if (queued > growBelow) slowStart = false;
    } else if (queued < growBelow) window = clamp(window + 1);
    else if (queued > shrinkAbove) window = clamp(window - 1);
    newRound();
  };

  return {
    size,
    sent(now) {
      const ticket = { sequence: nextSequence, sentAt: now };
      nextSequence += 1;
      return ticket;
    },
    settled(ticket, outcome, now) {
      if (outcome.type === 'timeout' || outcome.type === 'lost') {
        if (outcome.type === 'lost') base = Number.POSITIVE_INFINITY;
        decrease(ticket);
        peak = Math.max(peak, size());
        return;
      }
      roundSettled += 1;
      if (outcome.type === 'reply' && outcome.sample) {
        const latency = Math.max(0, now - ticket.sentAt);
        base = Math.min(base, latency);
        roundLeast = Math.min(roundLeast, latency);
        if (slowStart && latency <= latencyLimit) window = clamp(window + 1);
      }
      if (roundSettled >= roundLength) endOfRound(ticket);
      peak = Math.max(peak, size());
    },
    state() {
      return {
        size: size(),
        baseLatencyMs: base === Number.POSITIVE_INFINITY ? undefined : base,
        slowStart,
        peak,
        decreases,
      };
    },
  };
}
