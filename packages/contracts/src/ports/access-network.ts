import type { ResultAsync } from 'neverthrow';

/** How a subscriber is put on a router (M4, W9). */
export type AccessMethod = 'simple-queue' | 'pcq-address-list' | 'pppoe' | 'hotspot';

export const ACCESS_METHODS: readonly AccessMethod[] = [
  'simple-queue',
  'pcq-address-list',
  'pppoe',
  'hotspot',
];

/**
 * What must be true on the router for one subscriber (X1).
 * - `active`: provisioned with the plan's rates.
 * - `throttled`: provisioned with the plan's reduced rates.
 * - `suspended`: provisioned but cut off (suspension address list / profile / disabled, sessions kicked).
 * - `absent`: nothing of this subscriber may remain on the router (release).
 */
export type AccessState = 'active' | 'throttled' | 'suspended' | 'absent';

export const ACCESS_STATES: readonly AccessState[] = ['active', 'throttled', 'suspended', 'absent'];

/** A rate pair in bits per second, from the subscriber's point of view. */
export interface RatePair {
  readonly uploadBps: number;
  readonly downloadBps: number;
}

/** The plan as the router needs it. */
export interface AccessPlanRates {
  /** Stable plan id; adapters derive object names (queue types, profiles, lists) from it. */
  readonly planId: string;
  readonly rate: RatePair;
  /** Rates applied while the subscriber is throttled (the plan owns its reduced speed, M6). */
  readonly throttledRate: RatePair;
}

/** PPPoE / Hotspot credentials. The password is a secret: adapters never log, render or report it. */
export interface AccessCredentials {
  readonly username: string;
  readonly password: string;
}

/** Desired access of one subscriber on one router. Plain, JSON-serialisable data. */
export interface DesiredAccess {
  /** Stable id of the subscriber (the internet account); adapters put it in their ownership marker. */
  readonly subscriberId: string;
  readonly routerId: string;
  readonly method: AccessMethod;
  readonly state: AccessState;
  /** IPv4 address of the service: required for simple-queue and pcq-address-list, optional (static) otherwise. */
  readonly ipv4?: string;
  readonly plan: AccessPlanRates;
  /** Required for pppoe and hotspot. */
  readonly credentials?: AccessCredentials;
  readonly macAddress?: string;
  readonly interface?: string;
}

/** One change an adapter intends to make (or made) on a router. Never contains secrets. */
export interface PlannedChange {
  /** The subscriber the change belongs to; `null` for per-router infrastructure. */
  readonly subscriberId: string | null;
  readonly operation: 'create' | 'update' | 'remove' | 'kick';
  /** Where the change happens, e.g. `/queue/simple` or `in-memory`. */
  readonly target: string;
  /** The natural key of the entry (a name, list+address, or the ownership marker). */
  readonly key: string;
  /** Field values to write, secrets replaced by `***`. */
  readonly fields: Readonly<Record<string, string>>;
  /** Why: e.g. `missing`, `max-limit differs (10M/20M → 5M/10M)`, `not desired`. */
  readonly reason: string;
}

/** A dry-run plan: what applying would change. Renders as text with `renderAccessPlan`. */
export interface AccessPlan {
  readonly routerId: string;
  readonly changes: readonly PlannedChange[];
  /** Subscribers whose owned entries already match. */
  readonly unchanged: readonly string[];
}

export type SubscriberOutcomeKind = 'created' | 'updated' | 'removed' | 'unchanged' | 'failed';

export interface SubscriberOutcome {
  readonly subscriberId: string;
  readonly outcome: SubscriberOutcomeKind;
  /** Human-readable changes that were applied (no secrets). */
  readonly changes: readonly string[];
  /** Present when `outcome` is `failed`: a failed write is a visible result, never only a log line (X3). */
  readonly error?: AccessNetworkError;
}

export interface SyncReport {
  readonly routerId: string;
  readonly dryRun: boolean;
  readonly plan: AccessPlan;
  /** Exactly one outcome per subscriber that was part of the sync or touched by the reconcile. */
  readonly outcomes: readonly SubscriberOutcome[];
  /** Infrastructure changes (per router, not per subscriber) that failed. */
  readonly infrastructureErrors: readonly AccessNetworkError[];
}

/** An account found on a router that we do not own yet (import, M4). */
export interface DiscoveredAccount {
  readonly routerId: string;
  readonly method: AccessMethod;
  /** Natural key on the router: queue name, list+address, secret or user name. */
  readonly key: string;
  readonly ipv4?: string;
  readonly username?: string;
  readonly rate?: RatePair;
  readonly profile?: string;
  readonly comment?: string;
  readonly disabled: boolean;
}

export interface SyncOptions {
  /** Compute and return the plan without writing anything. */
  readonly dryRun?: boolean;
}

/** Errors of the AccessNetwork port. Plain data; never contain passwords. */
export type AccessNetworkError =
  | { readonly type: 'RouterUnknown'; readonly routerId: string; readonly message: string }
  | { readonly type: 'RouterUnreachable'; readonly routerId: string; readonly message: string }
  | { readonly type: 'RouterAuthFailed'; readonly routerId: string; readonly message: string }
  | {
      readonly type: 'RouterTimeout';
      readonly routerId: string;
      readonly operation: string;
      readonly message: string;
    }
  | {
      readonly type: 'RouterTrap';
      readonly routerId: string;
      readonly command: string;
      readonly message: string;
      readonly category?: string;
    }
  | { readonly type: 'ConnectionLost'; readonly routerId: string; readonly message: string }
  | { readonly type: 'ProtocolError'; readonly routerId: string; readonly message: string }
  | {
      readonly type: 'UnsafeWrite';
      readonly routerId: string;
      readonly reason: 'empty-target' | 'default-route-target' | 'outside-customer-networks' | 'not-owned';
      readonly key: string;
      readonly message: string;
    }
  | {
      readonly type: 'InvalidDesiredAccess';
      readonly subscriberId: string;
      readonly field: string;
      readonly message: string;
    }
  | {
      readonly type: 'AdoptionRefused';
      readonly routerId: string;
      readonly key: string;
      readonly message: string;
    };

/**
 * The network port (X1–X3). The domain computes desired access; an adapter makes routers match it.
 *
 * - `sync` touches only the given subscribers (state `absent` removes what we own of them).
 * - `reconcile` makes the whole router match: it also removes owned entries of subscribers that are not
 *   in `desired`, and ensures the per-router infrastructure. It never touches entries it does not own.
 * - Both are idempotent: running them again with the same input changes nothing.
 * - With `dryRun` they return the plan and write nothing.
 * - Per-subscriber failures are outcomes in the report; the call fails only when the router as a whole
 *   cannot be worked on (unknown, unreachable, bad credentials).
 */
export interface AccessNetwork {
  sync(
    routerId: string,
    desired: readonly DesiredAccess[],
    options?: SyncOptions,
  ): ResultAsync<SyncReport, AccessNetworkError>;
  reconcile(
    routerId: string,
    desired: readonly DesiredAccess[],
    options?: SyncOptions,
  ): ResultAsync<SyncReport, AccessNetworkError>;
  /** Accounts on the router that carry no ownership marker: candidates to import (M4). */
  discover(routerId: string): ResultAsync<readonly DiscoveredAccount[], AccessNetworkError>;
  /** Mark a discovered account as ours, for the given subscriber. */
  adopt(
    routerId: string,
    account: DiscoveredAccount,
    subscriberId: string,
  ): ResultAsync<void, AccessNetworkError>;
}
