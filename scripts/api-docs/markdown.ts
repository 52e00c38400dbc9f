/** Small Markdown builders for docs/api.md: tables, collapsed JSON, escaped cells. */

/** Returns a GitHub table; cells are escaped so that a `|` or a line break cannot split a row. */
export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Returns `text` fit for a table cell (pipes already escaped by typeText are kept). */
function cell(text: string): string {
  return text.replace(/(?<!\\)\|/g, '\\|').replace(/\n/g, ' ') || ' ';
}

/** Returns a collapsed block titled `summary` holding `value` as pretty-printed JSON. */
export function jsonDetails(summary: string, value: unknown): string {
  return [
    '<details>',
    `<summary>${summary}</summary>`,
    '',
    '```json',
    JSON.stringify(value, null, 2),
    '```',
    '',
    '</details>',
  ].join('\n');
}

/** Returns the GitHub heading anchor of a method's heading (`feeds.add` → `#feedsadd`). */
export function methodAnchor(method: string): string {
  return `#${method.toLowerCase().replace(/[^a-z0-9_-]/g, '')}`;
}
