/** The README says what the code does: its table of figures is the catalogue's (npm run docs writes it). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIGURES_END, FIGURES_START, figuresMarkdown } from '../src/output/figures-table.js';

describe('the README', () => {
  it('holds the catalogue of figures exactly as src/model/catalogue.ts defines it (run npm run docs after changing it)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf(FIGURES_START);
    const end = readme.indexOf(FIGURES_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + FIGURES_START.length, end).trim()).toBe(figuresMarkdown());
  });
});
