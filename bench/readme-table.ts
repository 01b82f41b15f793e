// The README's bench table rendered from bench/results.json, and put between its markers.
import type { Results } from './results.js';

export const START = '<!-- bench-table:start (npm run bench:readme writes this table from bench/results.json) -->';
export const END = '<!-- bench-table:end -->';

export function renderTable(results: Results): string {
  const lines = ['| bench | measure | value | target |', '|---|---|---|---|'];
  for (const section of Object.values(results)) {
    section.rows.forEach((r, i) => lines.push(row([i === 0 ? section.command : '', r.measure, r.value, r.target])));
  }
  return lines.join('\n');
}

/** One Markdown row; an empty cell is written `| |`. */
function row(cells: readonly string[]): string {
  return `|${cells.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`;
}

export function replaceTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no bench table markers (${START} … ${END})`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}
