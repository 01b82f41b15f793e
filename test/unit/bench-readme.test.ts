// The README's bench table is generated from bench/results.json: the committed file renders to
// exactly the committed table, and only the text between the markers is replaced.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { END, renderTable, replaceTable, START } from '../../bench/readme-table.js';
import { readResults } from '../../bench/results.js';
import { REPO_ROOT } from '../helpers/corpus.js';

describe('bench table', () => {
  it('the README table is what bench/results.json renders', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(replaceTable(readme, renderTable(readResults(path.join(REPO_ROOT, 'bench', 'results.json'))))).toBe(readme);
  });

  it('replaces only the table between the markers', () => {
    const table = renderTable({
      index: { command: '`npm run bench`', date: '', rows: [{ measure: 'a', value: '1 s', target: '' }, { measure: 'b', value: '2 s', target: '≤ 3 s' }], figures: {} },
    });
    expect(table.split('\n').slice(2)).toEqual(['| `npm run bench` | a | 1 s | |', '| | b | 2 s | ≤ 3 s |']);
    const doc = `before\n${START}\nold\n${END}\nafter`;
    expect(replaceTable(doc, table)).toBe(`before\n${START}\n${table}\n${END}\nafter`);
    expect(() => replaceTable('no markers', table)).toThrow(/markers/);
  });
});
