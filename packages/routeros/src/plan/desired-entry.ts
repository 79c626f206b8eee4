/** Where a new rule of an ordered menu goes. */
export type Placement = 'chain-top' | 'before-fasttrack';

/** One entry the router must hold, as rendered from desired access or from the infrastructure recipe. */
export interface DesiredEntry {
  readonly path: string;
  /** The ownership marker (comment-owned menus) or the name (name-owned menus). */
  readonly identity: string;
  /** The subscriber the entry belongs to; `null` for per-router infrastructure. */
  readonly subscriberId: string | null;
  /** Values as written on the router (booleans as `yes`/`no`). Includes the identity field. */
  readonly fields: Readonly<Record<string, string>>;
  readonly placement?: Placement;
  /**
   * Entries whose relative order on the router matters (the suspension accepts above the drop) share a
   * sequence: their creates are written one at a time, in plan order. The router runs pipelined commands
   * concurrently, so entries without a sequence may land in any order.
   */
  readonly sequence?: string;
}

/** The suspension behaviour of PPPoE and Hotspot accounts. */
export type SessionSuspension = 'profile' | 'disable';

/** Settings that shape what the router must hold. */
export interface PlanningConfig {
  /** Marker prefix: comments `isp:<subscriber>:<role>`, object names `isp-…`. Default `isp`. */
  readonly prefix: string;
  /** Address list of suspended subscribers. Default `morosos`. */
  readonly suspensionList: string;
  /** Address list of throttled subscribers (FastTrack exclusion). Default `<prefix>-throttled`. */
  readonly throttleList: string;
  /** PPPoE suspension: the suspension profile (portal reachable) or a disabled secret. Default `profile`. */
  readonly pppoeSuspension: SessionSuspension;
  /** Hotspot suspension: the suspension user profile or a disabled user. Default `profile`. */
  readonly hotspotSuspension: SessionSuspension;
  /** Rate of the suspension profiles, `upload/download` bits. Default `64000/64000`. */
  readonly suspendedRate: string;
  /** The notice (portal) server suspended subscribers may reach; HTTP is redirected to it. */
  readonly notice?: { readonly address: string; readonly port: number };
  /** Manage per-router infrastructure (profiles, PCQ, firewall). Default `true`. */
  readonly manageInfrastructure: boolean;
}
