/**
 * The caller's name for an input, as errors echo it: a short printable string, or `fallback` for anything
 * else (a number, an object, an oversized or control-character string), so every error's `field` is a string.
 */
export function fieldLabel(field: unknown, fallback: string): string {
  return typeof field === 'string' &&
    field.length > 0 &&
    field.length <= 128 &&
    !/[\u0000-\u001f\u007f]/.test(field)
    ? field
    : fallback;
}
