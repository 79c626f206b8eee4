/** Every text a value would show a person: JSON for data (Maps and Sets included), name and message for errors. */
export function safeText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ''}`;
  try {
    return (
      JSON.stringify(value, (_k, v) =>
        v instanceof Map
          ? Object.fromEntries(v)
          : v instanceof Set
            ? [...v]
            : typeof v === 'bigint'
              ? String(v)
              : v,
      ) ?? String(value)
    );
  } catch {
    return String(value);
  }
}
