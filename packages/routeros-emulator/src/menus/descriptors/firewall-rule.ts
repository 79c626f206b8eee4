import type { AttributeSpec, MenuSpec } from '../types';
import { bool, comment, disabled, ORDERED_COMMANDS, readOnly, text } from './common';

const PROTOCOLS = [
  'dccp',
  'ddp',
  'egp',
  'encap',
  'etherip',
  'ggp',
  'gre',
  'hmp',
  'icmp',
  'icmpv6',
  'idpr-cmtp',
  'igmp',
  'ipencap',
  'ipip',
  'ipsec-ah',
  'ipsec-esp',
  'ipv6-encap',
  'ipv6-frag',
  'ipv6-nonxt',
  'ipv6-opts',
  'ipv6-route',
  'iso-tp4',
  'l2tp',
  'ospf',
  'pim',
  'pup',
  'rdp',
  'rspf',
  'rsvp',
  'sctp',
  'st',
  'tcp',
  'udp',
  'udp-lite',
  'vmtp',
  'vrrp',
  'xns-idp',
  'xtp',
];

const COMMON_ACTIONS = [
  'accept',
  'add-dst-to-address-list',
  'add-src-to-address-list',
  'jump',
  'log',
  'passthrough',
  'return',
];

/** Builds a firewall rule menu (filter, nat, mangle): ordered rules on a shared attribute set. */
export function firewallRule(
  path: string,
  actions: readonly string[],
  defaultAction: string,
  extra: readonly AttributeSpec[],
): MenuSpec {
  return {
    path,
    commands: ORDERED_COMMANDS,
    ordered: true,
    attributes: [
      text('chain', { type: { kind: 'text', nonEmpty: true }, required: true }),
      {
        name: 'action',
        type: { kind: 'enum', values: [...COMMON_ACTIONS, ...actions].sort() },
        default: defaultAction,
      },
      { name: 'src-address', type: { kind: 'address' } },
      { name: 'dst-address', type: { kind: 'address' } },
      text('src-address-list'),
      text('dst-address-list'),
      { name: 'protocol', type: { kind: 'enum', values: PROTOCOLS, numeric: { min: 0, max: 255 } } },
      { name: 'src-port', type: { kind: 'ports' } },
      { name: 'dst-port', type: { kind: 'ports' } },
      text('in-interface'),
      text('out-interface'),
      text('connection-state'),
      text('connection-mark'),
      text('packet-mark'),
      text('jump-target'),
      text('address-list'),
      { name: 'address-list-timeout', type: { kind: 'duration' } },
      ...extra,
      bool('log', 'false'),
      text('log-prefix', { default: '' }),
      comment,
      disabled,
      readOnly('invalid', 'false'),
      readOnly('dynamic', 'false'),
      readOnly('bytes', '0'),
      readOnly('packets', '0'),
    ],
  };
}

/** `/ip/firewall/filter`. */
export const firewallFilter: MenuSpec = firewallRule(
  '/ip/firewall/filter',
  ['drop', 'fasttrack-connection', 'reject', 'tarpit'],
  'accept',
  [text('reject-with')],
);

/** `/ip/firewall/nat`. */
export const firewallNat: MenuSpec = firewallRule(
  '/ip/firewall/nat',
  ['dst-nat', 'endpoint-independent-nat', 'masquerade', 'netmap', 'redirect', 'same', 'src-nat'],
  'accept',
  [
    { name: 'to-addresses', type: { kind: 'address' } },
    { name: 'to-ports', type: { kind: 'ports' } },
  ],
);

/** `/ip/firewall/mangle`: `passthrough` is materialised as `true`. */
export const firewallMangle: MenuSpec = firewallRule(
  '/ip/firewall/mangle',
  [
    'change-dscp',
    'change-mss',
    'change-ttl',
    'clear-df',
    'fasttrack-connection',
    'mark-connection',
    'mark-packet',
    'mark-routing',
    'route',
    'set-priority',
    'sniff-pc',
    'sniff-tzsp',
    'strip-ipv4-options',
  ],
  'mark-connection',
  [
    text('new-packet-mark'),
    text('new-connection-mark'),
    text('new-routing-mark'),
    bool('passthrough', 'true'),
  ],
);
