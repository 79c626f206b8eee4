/** Normalises RouterOS booleans (`yes`/`no`/`true`/`false`) to `true`/`false`; other text is kept. */
export function normaliseBoolean(value: string): string {
  const v = value.trim().toLowerCase();
  if (v === 'yes' || v === 'true') return 'true';
  if (v === 'no' || v === 'false') return 'false';
  return value.trim();
}
