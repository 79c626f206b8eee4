import type { Contract, ContractStatus } from '../../src/contract/types';

/** The model: a status and how many history entries the contract must have. Nothing else. */
export interface LifeCycleModel {
  status: ContractStatus;
  historyLength: number;
}

/** The real system under test: the current contract value. */
export interface LifeCycleReal {
  contract: Contract;
}

/** The rules, written independently of the implementation's table. */
export function allowed(from: ContractStatus, to: ContractStatus): boolean {
  if (from === to) return false;
  if (from === 'cancelled') return to === 'active';
  return true;
}
