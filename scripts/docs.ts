/** `npm run docs`: writes the catalogue of figures into README.md between its markers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { FIGURES_END, FIGURES_START, figuresMarkdown } from '../src/output/figures-table.js';

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf(FIGURES_START);
const end = readme.indexOf(FIGURES_END);
if (start < 0 || end < start) throw new Error(`README.md has no ${FIGURES_START} … ${FIGURES_END} block`);
writeFileSync('README.md', `${readme.slice(0, start + FIGURES_START.length)}\n${figuresMarkdown()}\n${readme.slice(end)}`);
process.stdout.write('README.md: figures table written\n');
