/** Roles of the entries one subscriber owns. */
export type SubscriberRole = 'queue' | 'plan' | 'suspend' | 'throttle' | 'secret' | 'user';

const ROLES: ReadonlySet<string> = new Set(['queue', 'plan', 'suspend', 'throttle', 'secret', 'user']);

/** The ownership marker scheme: comments `<prefix>:<subscriberId>:<role>`, names `<prefix>-…`. */
export interface Ownership {
  readonly prefix: string;
  subscriberMarker(subscriberId: string, role: SubscriberRole): string;
  infrastructureMarker(key: string): string;
  /** Parses a comment: the subscriber and role, `infra` for infrastructure, or `null` when not ours. */
  parseComment(comment: string | undefined): OwnedMarker | null;
  ownsName(name: string | undefined): boolean;
  objectName(...parts: string[]): string;
}

export type OwnedMarker =
  | { readonly kind: 'subscriber'; readonly subscriberId: string; readonly role: SubscriberRole }
  | { readonly kind: 'infrastructure'; readonly key: string };

export const INFRA = 'infra';

/** The marker scheme for a prefix (default `isp`). */
export function createOwnership(prefix = 'isp'): Ownership {
  const head = `${prefix}:`;
  const infraHead = `${prefix}:${INFRA}:`;
  return {
    prefix,
    subscriberMarker: (subscriberId, role) => `${prefix}:${subscriberId}:${role}`,
    infrastructureMarker: (key) => `${infraHead}${key}`,
    parseComment(comment) {
      if (comment === undefined || !comment.startsWith(head)) return null;
      if (comment.startsWith(infraHead)) {
        const key = comment.slice(infraHead.length);
        return key === '' ? null : { kind: 'infrastructure', key };
      }
      const body = comment.slice(head.length);
      const cut = body.lastIndexOf(':');
      if (cut <= 0) return null;
      const subscriberId = body.slice(0, cut);
      const role = body.slice(cut + 1);
      if (!ROLES.has(role) || /\s/.test(subscriberId)) return null;
      return { kind: 'subscriber', subscriberId, role: role as SubscriberRole };
    },
    ownsName: (name) => name?.startsWith(`${prefix}-`) === true,
    objectName: (...parts) => [prefix, ...parts].join('-'),
  };
}
