/** An API user of the emulated router. */
export interface UserAccount {
  readonly name: string;
  readonly password: string;
  /** `full` may write; `read` gets `not enough permissions (9)` on writes. */
  readonly group?: 'full' | 'read';
}
