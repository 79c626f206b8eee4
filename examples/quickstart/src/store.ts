import type { Invoice } from '@isp/billing';
import type { Contract, Customer, Notice } from '@isp/contracts';

/**
 * Where the app keeps its data. The @isp packages return new values and never store anything: persistence
 * is yours. This interface is all the demo needs; `MemoryStore` keeps it in maps. Back it with your database
 * (one table per collection, the contract and invoice objects as JSON columns) and the rest of the app
 * stays the same.
 */
export interface Store {
  putCustomer(customer: Customer): void;
  customer(id: string): Customer | undefined;
  putContract(contract: Contract): void;
  contract(id: string): Contract | undefined;
  contracts(): readonly Contract[];
  /** Inserts or replaces invoices by id. */
  putInvoices(invoices: readonly Invoice[]): void;
  invoicesOf(contractId: string): readonly Invoice[];
  invoice(id: string): Invoice | undefined;
  /** Records a notice once per idempotency key; false when it was already there. */
  addNotice(notice: Notice): boolean;
  notices(): readonly Notice[];
}

export class MemoryStore implements Store {
  readonly #customers = new Map<string, Customer>();
  readonly #contracts = new Map<string, Contract>();
  readonly #invoices = new Map<string, Invoice>();
  readonly #notices = new Map<string, Notice>();

  putCustomer(customer: Customer): void {
    this.#customers.set(customer.id, customer);
  }

  customer(id: string): Customer | undefined {
    return this.#customers.get(id);
  }

  putContract(contract: Contract): void {
    this.#contracts.set(contract.id, contract);
  }

  contract(id: string): Contract | undefined {
    return this.#contracts.get(id);
  }

  contracts(): readonly Contract[] {
    return [...this.#contracts.values()];
  }

  putInvoices(invoices: readonly Invoice[]): void {
    for (const invoice of invoices) this.#invoices.set(invoice.id, invoice);
  }

  invoicesOf(contractId: string): readonly Invoice[] {
    return [...this.#invoices.values()]
      .filter((i) => i.contractId === contractId)
      .sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0));
  }

  invoice(id: string): Invoice | undefined {
    return this.#invoices.get(id);
  }

  addNotice(notice: Notice): boolean {
    if (this.#notices.has(notice.idempotencyKey)) return false;
    this.#notices.set(notice.idempotencyKey, notice);
    return true;
  }

  notices(): readonly Notice[] {
    return [...this.#notices.values()];
  }
}

/**
 * IPs held by the accounts of every contract (but `exceptContractId`'s, when given): what a release or a
 * reactivation must not hand out again.
 */
export function takenIps(store: Store, exceptContractId?: string): ReadonlySet<string> {
  const taken = new Set<string>();
  for (const contract of store.contracts()) {
    if (contract.id === exceptContractId) continue;
    for (const item of contract.items) {
      if (item.kind === 'internet' && item.account.ipv4 !== undefined) taken.add(item.account.ipv4);
    }
  }
  return taken;
}
