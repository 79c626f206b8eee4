import type { ReleaseAttempt } from '../errors.js';

/**
 * One row of a release rule table: an address inside `match` is moved into the /16 `target`, keeping its
 * last two octets (`10.5.7.9` with target `127.0.0.0/16` becomes `127.0.7.9`).
 */
export interface ReleaseRule {
  /** Stable identifier, reported in results and errors (letters, digits, `.`, `_`, `:`, `-`). */
  readonly id: string;
  /** Human-readable description. */
  readonly name: string;
  /** Addresses this rule applies to, as a CIDR block (`0.0.0.0/0` matches everything). */
  readonly match: string;
  /** A /16 network (`127.0.0.0/16`) whose first two octets replace the original's. */
  readonly target: string;
}

/** A target tried, in order, when the matched rule's target is taken. */
export interface ReleaseFallback {
  readonly id: string;
  readonly name: string;
  /** A /16 network, as for {@link ReleaseRule.target}. */
  readonly target: string;
}

/** A release policy as data: rules are tried top to bottom (first match wins), then the fallbacks in order. */
export interface ReleaseRuleTable {
  readonly name: string;
  readonly rules: readonly ReleaseRule[];
  readonly fallbacks: readonly ReleaseFallback[];
}

/** The outcome of a successful release remap. */
export interface ReleaseRemap {
  /** The IP the service had; keep it so that reactivation can offer it back. */
  readonly original: string;
  /** The IP the released service gets. */
  readonly target: string;
  /** The rule or fallback that produced `target`. */
  readonly appliedRule: { readonly id: string; readonly name: string };
  /** The rule whose `match` block contains the original IP. */
  readonly matchedRule: { readonly id: string; readonly name: string };
  /** `true` when a fallback, not the matched rule, produced `target`. */
  readonly usedFallback: boolean;
  /** Targets tried before `target` and why they were not used. */
  readonly tried: readonly ReleaseAttempt[];
}
