import type { AccessMethod } from '@isp/contracts';
import type { PLANS } from './config';

/** What the sign-up form collects for one customer: the person, the portal login and the internet account. */
export interface SignUp {
  readonly customer: {
    readonly id: string;
    readonly name: string;
    readonly taxId: string;
    readonly phones: readonly { readonly number: string; readonly kind: 'mobile' | 'whatsapp' }[];
    readonly email: string;
    readonly address: {
      readonly street: string;
      readonly number: string;
      readonly district: string;
      readonly city: string;
      readonly state: string;
      readonly postalCode: string;
      readonly country: string;
    };
    /** Customer-portal login; only its hash is kept. */
    readonly portal: { readonly username: string; readonly password: string };
  };
  readonly contractId: string;
  readonly planId: (typeof PLANS)[number]['id'];
  readonly account: {
    readonly id: string;
    readonly method: AccessMethod;
    readonly ipv4?: string;
    readonly username?: string;
    readonly password?: string;
    readonly macAddress?: string;
  };
  /** How this customer behaves in the demo (for the timeline only). */
  readonly story: string;
}

const address = (street: string, number: string, district: string) => ({
  street,
  number,
  district,
  city: 'Campinas',
  state: 'SP',
  postalCode: '13010-000',
  country: 'BR',
});

/** Four customers, one per provisioning method (M4). The passwords here are sample data: never printed. */
export const SIGN_UPS: readonly SignUp[] = [
  {
    customer: {
      id: 'cus-ana',
      name: 'Ana Souza',
      taxId: '418.273.650-80',
      phones: [{ number: '+55 (19) 98811-0001', kind: 'whatsapp' }],
      email: 'ana@example.com',
      address: address('Rua Barão de Jaguara', '120', 'Centro'),
      portal: { username: 'ana.souza', password: 'Portal-Ana-7731' },
    },
    contractId: 'ct-ana',
    planId: 'basic-20',
    account: { id: 'sub-ana', method: 'simple-queue', ipv4: '10.20.1.10' },
    story: 'pays on time (early-payment discount)',
  },
  {
    customer: {
      id: 'cus-bruno',
      name: 'Bruno Lima',
      taxId: '735.190.284-41',
      phones: [{ number: '+55 (19) 98811-0002', kind: 'mobile' }],
      email: 'bruno@example.com',
      address: address('Avenida Andrade Neves', '455', 'Botafogo'),
      portal: { username: 'bruno.lima', password: 'Portal-Bruno-4410' },
    },
    contractId: 'ct-bruno',
    planId: 'plus-50',
    account: { id: 'sub-bruno', method: 'pcq-address-list', ipv4: '10.20.2.20' },
    story: 'pays a week late (fine and interest)',
  },
  {
    customer: {
      id: 'cus-carla',
      name: 'Carla Mendes',
      taxId: '562.839.017-86',
      phones: [{ number: '+55 (19) 98811-0003', kind: 'whatsapp' }],
      email: 'carla@example.com',
      address: address('Rua José Paulino', '88', 'Cambuí'),
      portal: { username: 'carla.mendes', password: 'Portal-Carla-9902' },
    },
    contractId: 'ct-carla',
    planId: 'plus-50',
    account: {
      id: 'sub-carla',
      method: 'pppoe',
      ipv4: '10.20.3.30',
      username: 'carla.mendes',
      password: 'Pppoe-Carla-5521',
    },
    story: 'never pays, is cancelled, comes back in December',
  },
  {
    customer: {
      id: 'cus-diego',
      name: 'Diego Santos',
      taxId: '381.946.205-89',
      phones: [{ number: '+55 (19) 98811-0004', kind: 'mobile' }],
      email: 'diego@example.com',
      address: address('Rua Coronel Quirino', '1010', 'Cambuí'),
      portal: { username: 'diego.santos', password: 'Portal-Diego-3307' },
    },
    contractId: 'ct-diego',
    planId: 'basic-20',
    account: {
      id: 'sub-diego',
      method: 'hotspot',
      ipv4: '10.20.4.40',
      username: 'diego',
      password: 'Hotspot-Diego-8814',
      macAddress: 'AA:BB:CC:00:04:40',
    },
    story: 'asks for a payment promise, then pays',
  },
];

/** Every secret of the sample data, so tests can check none of them is ever printed. */
export function sampleSecrets(): readonly string[] {
  return SIGN_UPS.flatMap((s) => [
    s.customer.portal.password,
    ...(s.account.password === undefined ? [] : [s.account.password]),
  ]);
}
