/** Plain-text and markdown tables. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const seconds = (ms: number): string =>
  ms / 1000 >= 100 ? (ms / 1000).toFixed(0) : (ms / 1000).toFixed(2);
export const fixed = (value: number, digits = 1): string => value.toFixed(digits);
export const thousands = (value: number): string => Math.round(value).toLocaleString('en-US');
