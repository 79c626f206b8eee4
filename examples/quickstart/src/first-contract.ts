// biome-ignore-all format: kept compact, this file is the snippet of docs/getting-started.md
import { generateInvoice } from '@isp/billing';
import { contractBillingOf, createContract, createCustomer, createPlanCatalog, WEBMIKROTIK_LADDER } from '@isp/contracts';
import { safeTry } from 'neverthrow';

const address = { street: 'Rua das Flores', number: '100', city: 'Campinas', state: 'SP', postalCode: '13010-000', country: 'BR' };
const fibra50 = { id: 'fibra-50', name: 'Fibra 50 Mbps', price: '99.90',
  rate: { uploadBps: 25_000_000, downloadBps: 50_000_000 }, throttledRate: { uploadBps: 2_500_000, downloadBps: 5_000_000 } };

/** A plan, a customer and a contract as the WebMikrotik document fills them, then the first (prorated) invoice. */
export const firstInvoice = () =>
  safeTry(function* () {
    const plans = yield* createPlanCatalog([fibra50]);
    const customer = yield* createCustomer({ id: 'cus-1', name: 'Maria da Silva', taxId: '418.273.650-80', address });
    const contract = yield* createContract({
      id: 'ct-1', customerId: customer.id, layoutId: 'residencial', installationAddress: address, startDate: '2026-10-19',
      items: [{ id: 'internet', kind: 'internet', description: 'Internet 50 Mbps', planId: 'fibra-50',
        account: { id: 'sub-1', routerId: 'pop-1', method: 'simple-queue', ipv4: '10.20.1.10' } }],
      installments: [{ id: 'router', description: 'Wi-Fi router', total: '60.00', count: 3, startMonth: '2026-11' }],
      invoiceSettings: { closingDay: 1, dueDay: 10, periodReference: 'issue-date', earlyPaymentDiscount: '5.00',
        finePercent: '2.00', interestPercentPerMonth: '1.00', ladder: WEBMIKROTIK_LADDER },
    }, plans);
    return generateInvoice(contractBillingOf(contract), '2026-11'); // closes 2026-11-01, due 2026-11-10
  });
