import {
  address,
  addressOr,
  bits,
  flag,
  flagOr,
  mac,
  ratePair,
  secret,
  text,
  textOr,
} from './field-specs.js';
import type { ResourceDescriptor } from './resource-descriptor.js';

/** `/queue/simple`: one queue per simple-queue subscriber. */
export const QUEUE_SIMPLE: ResourceDescriptor = {
  path: '/queue/simple',
  ownership: 'comment',
  kind: 'config',
  fields: { name: text, target: address, 'max-limit': ratePair, disabled: flag, comment: textOr('') },
  extraRead: ['dynamic'],
  unique: [['name']],
};

/** `/ip/firewall/address-list`: plan lists (PCQ), the suspension list and the throttle list. */
export const ADDRESS_LIST: ResourceDescriptor = {
  path: '/ip/firewall/address-list',
  ownership: 'comment',
  kind: 'config',
  fields: { list: text, address, disabled: flag, comment: textOr('') },
  extraRead: ['dynamic'],
  unique: [['list', 'address']],
};

/** `/ppp/secret`: one per PPPoE subscriber. */
export const PPP_SECRET: ResourceDescriptor = {
  path: '/ppp/secret',
  ownership: 'comment',
  kind: 'config',
  fields: {
    name: text,
    password: secret,
    service: textOr('any'),
    profile: textOr('default'),
    'remote-address': address,
    'caller-id': textOr(''),
    disabled: flag,
    comment: textOr(''),
  },
  unique: [['name']],
};

/** `/ppp/profile`: per plan, throttled plan and suspension. */
export const PPP_PROFILE: ResourceDescriptor = {
  path: '/ppp/profile',
  ownership: 'name',
  kind: 'config',
  fields: { name: text, 'rate-limit': ratePair, 'address-list': textOr('') },
  unique: [['name']],
};

/** `/ppp/active`: live PPP sessions, removed to apply a change (kick). */
export const PPP_ACTIVE: ResourceDescriptor = {
  path: '/ppp/active',
  ownership: 'name',
  kind: 'session',
  fields: { name: text, address: textOr('') },
};

/** `/ip/hotspot/user`: one per Hotspot subscriber. */
export const HOTSPOT_USER: ResourceDescriptor = {
  path: '/ip/hotspot/user',
  ownership: 'comment',
  kind: 'config',
  fields: {
    name: text,
    password: secret,
    profile: textOr('default'),
    address: addressOr('0.0.0.0'),
    'mac-address': mac,
    disabled: flag,
    comment: textOr(''),
  },
  extraRead: ['server'],
  unique: [['name']],
  optional: true,
};

/** `/ip/hotspot/user/profile`: per plan, throttled plan and suspension (no comment property: owned by name). */
export const HOTSPOT_USER_PROFILE: ResourceDescriptor = {
  path: '/ip/hotspot/user/profile',
  ownership: 'name',
  kind: 'config',
  fields: { name: text, 'rate-limit': ratePair, 'address-list': textOr('') },
  unique: [['name']],
  optional: true,
};

/** `/ip/hotspot/active`: live Hotspot sessions. */
export const HOTSPOT_ACTIVE: ResourceDescriptor = {
  path: '/ip/hotspot/active',
  ownership: 'name',
  kind: 'session',
  fields: { user: text, address: textOr('') },
  optional: true,
};

/** `/ip/hotspot/cookie`: login cookies, dropped with a kick so the next login is a fresh one. */
export const HOTSPOT_COOKIE: ResourceDescriptor = {
  path: '/ip/hotspot/cookie',
  ownership: 'name',
  kind: 'session',
  fields: { user: text },
  optional: true,
};

/** `/queue/type`: PCQ types per plan (no comment property: owned by name). */
export const QUEUE_TYPE: ResourceDescriptor = {
  path: '/queue/type',
  ownership: 'name',
  kind: 'config',
  fields: { name: text, kind: text, 'pcq-rate': bits, 'pcq-classifier': text },
  unique: [['name']],
};

/** `/queue/tree`: one tree queue per PCQ type. */
export const QUEUE_TREE: ResourceDescriptor = {
  path: '/queue/tree',
  ownership: 'name',
  kind: 'config',
  fields: {
    name: text,
    parent: text,
    'packet-mark': textOr(''),
    queue: textOr('default-small'),
    disabled: flag,
  },
  unique: [['name']],
  dependsOn: ['/queue/type'],
};

/** `/ip/firewall/mangle`: packet marks per PCQ plan list. */
export const MANGLE: ResourceDescriptor = {
  path: '/ip/firewall/mangle',
  ownership: 'comment',
  kind: 'config',
  fields: {
    chain: text,
    action: text,
    'src-address-list': textOr(''),
    'dst-address-list': textOr(''),
    'new-packet-mark': textOr(''),
    passthrough: flagOr('true'),
    disabled: flag,
    comment: textOr(''),
  },
  extraRead: ['dynamic'],
  ordered: true,
};

/** `/ip/firewall/filter`: suspension rules and the FastTrack exclusion. */
export const FILTER: ResourceDescriptor = {
  path: '/ip/firewall/filter',
  ownership: 'comment',
  kind: 'config',
  fields: {
    chain: text,
    action: text,
    'src-address-list': textOr(''),
    'dst-address-list': textOr(''),
    'dst-address': address,
    protocol: textOr(''),
    'dst-port': textOr(''),
    disabled: flag,
    comment: textOr(''),
  },
  extraRead: ['dynamic'],
  ordered: true,
};

/** `/ip/firewall/nat`: the HTTP redirect of suspended subscribers to the notice server. */
export const NAT: ResourceDescriptor = {
  path: '/ip/firewall/nat',
  ownership: 'comment',
  kind: 'config',
  fields: {
    chain: text,
    action: text,
    'src-address-list': textOr(''),
    protocol: textOr(''),
    'dst-port': textOr(''),
    'to-addresses': address,
    'to-ports': textOr(''),
    disabled: flag,
    comment: textOr(''),
  },
  extraRead: ['dynamic'],
  ordered: true,
};

/** Every menu the adapter reads, in reading order. */
export const ALL_MENUS: readonly ResourceDescriptor[] = [
  QUEUE_TYPE,
  QUEUE_TREE,
  MANGLE,
  FILTER,
  NAT,
  PPP_PROFILE,
  HOTSPOT_USER_PROFILE,
  QUEUE_SIMPLE,
  ADDRESS_LIST,
  PPP_SECRET,
  HOTSPOT_USER,
  PPP_ACTIVE,
  HOTSPOT_ACTIVE,
  HOTSPOT_COOKIE,
];

const BY_PATH = new Map(ALL_MENUS.map((menu) => [menu.path, menu]));

/** The descriptor of a menu path (throws for an unknown path: a programmer error). */
export function menuOf(path: string): ResourceDescriptor {
  const menu = BY_PATH.get(path);
  if (menu === undefined) throw new Error(`unknown menu ${path}`);
  return menu;
}
