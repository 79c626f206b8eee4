import type { Contract } from '@isp/contracts';
import type { Emulator, SubscriberSession } from '@isp/routeros-emulator';

/** What happened to a customer's device (CPE) on the emulated router. */
export interface DeviceEvent {
  readonly subscriberId: string;
  readonly username: string;
  readonly event: 'dropped' | 'connected' | 'refused';
  /** Profile and rate in force for a connection; the router's reason for a refusal. */
  readonly detail: string;
}

const sessionKey = (s: SubscriberSession): string => `${s.menu}:${s.name}`;

/**
 * The customers' PPPoE and Hotspot devices, simulated on the emulator: they log in, and when the router
 * drops their session (a kick after a suspension, throttle or removal) they log in again at once, as CPEs do.
 * Only used with the in-process emulator.
 */
export class SimulatedDevices {
  readonly #emulator: Emulator;
  #before = new Map<string, SubscriberSession>();
  /** Refusals already reported (a device keeps retrying; the timeline shows a refusal once). */
  readonly #refused = new Map<string, string>();

  constructor(emulator: Emulator) {
    this.#emulator = emulator;
  }

  /** Remembers the live sessions before the router is changed. */
  mark(): void {
    this.#before = new Map(this.#emulator.subscribers.sessions().map((s) => [sessionKey(s), s]));
  }

  /** Reports the sessions the router dropped since `mark()`, then logs every device in again. */
  settle(contracts: readonly Contract[]): DeviceEvent[] {
    const now = new Map(this.#emulator.subscribers.sessions().map((s) => [sessionKey(s), s]));
    const events: DeviceEvent[] = [];
    const accounts = contracts.flatMap((c) =>
      c.items.flatMap((i) => (i.kind === 'internet' ? [{ contract: c, account: i.account }] : [])),
    );
    for (const [key, session] of this.#before) {
      if (now.has(key)) continue;
      const owner = accounts.find((a) => a.account.username === session.name);
      events.push({
        subscriberId: owner?.account.id ?? session.name,
        username: session.name,
        event: 'dropped',
        detail: `was on profile ${session.profile}`,
      });
    }
    events.push(...this.connectAll(contracts));
    this.mark();
    return events;
  }

  /** Logs in every PPPoE / Hotspot account that has no session (the router decides whether it may). */
  connectAll(contracts: readonly Contract[]): DeviceEvent[] {
    const live = new Set(this.#emulator.subscribers.sessions().map((s) => s.name));
    const events: DeviceEvent[] = [];
    for (const contract of contracts) {
      for (const item of contract.items) {
        if (item.kind !== 'internet') continue;
        const a = item.account;
        if (a.username === undefined || a.password === undefined || live.has(a.username)) continue;
        if (a.method !== 'pppoe' && a.method !== 'hotspot') continue;
        const outcome =
          a.method === 'pppoe'
            ? this.#emulator.subscribers.loginPpp({
                name: a.username,
                password: a.password,
                ...(a.macAddress === undefined ? {} : { callerId: a.macAddress }),
              })
            : this.#emulator.subscribers.loginHotspot({
                name: a.username,
                password: a.password,
                ...(a.macAddress === undefined ? {} : { macAddress: a.macAddress }),
                ...(a.ipv4 === undefined ? {} : { address: a.ipv4 }),
              });
        if (!outcome.ok && this.#refused.get(a.username) === outcome.reason) continue;
        if (outcome.ok) this.#refused.delete(a.username);
        else this.#refused.set(a.username, outcome.reason);
        events.push(
          outcome.ok
            ? {
                subscriberId: a.id,
                username: a.username,
                event: 'connected',
                detail: `profile ${outcome.session.profile} (${outcome.session.rateLimit || 'no limit'}), address ${outcome.session.address}`,
              }
            : { subscriberId: a.id, username: a.username, event: 'refused', detail: outcome.reason },
        );
      }
    }
    return events;
  }
}
