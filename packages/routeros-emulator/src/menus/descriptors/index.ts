import type { MenuSpec } from '../types';
import { addressList } from './address-list';
import { firewallFilter, firewallMangle, firewallNat } from './firewall-rule';
import { hotspotActive } from './hotspot-active';
import { hotspotCookie } from './hotspot-cookie';
import { hotspotUser } from './hotspot-user';
import { hotspotUserProfile } from './hotspot-user-profile';
import { pppActive } from './ppp-active';
import { pppProfile } from './ppp-profile';
import { pppSecret } from './ppp-secret';
import { queueSimple } from './queue-simple';
import { queueTree } from './queue-tree';
import { queueType } from './queue-type';
import { systemIdentity } from './system-identity';
import { systemResource } from './system-resource';

/** Every emulated menu. Referenced menus come before the menus that reference them. */
export const MENUS: readonly MenuSpec[] = [
  queueType,
  queueSimple,
  queueTree,
  addressList,
  firewallFilter,
  firewallNat,
  firewallMangle,
  pppProfile,
  pppSecret,
  pppActive,
  hotspotUserProfile,
  hotspotUser,
  hotspotActive,
  hotspotCookie,
  systemIdentity,
  systemResource,
];
