// npm run bench:readme: regenerate the README's bench table (between the bench-table markers)
// from bench/results.json. Only that table is rewritten.
import fs from 'node:fs';
import path from 'node:path';
import { renderTable, replaceTable } from './readme-table.js';
import { readResults, REPO } from './results.js';

const file = path.join(REPO, 'README.md');
const before = fs.readFileSync(file, 'utf8');
const after = replaceTable(before, renderTable(readResults()));
if (after !== before) fs.writeFileSync(file, after);
console.log(after === before ? 'README.md bench table is up to date' : 'README.md bench table regenerated from bench/results.json');
