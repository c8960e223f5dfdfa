import { CATALOGUE, type FigureDef } from '../model/catalogue.js';

/**
 * The catalogue of figures (model/catalogue.ts) as the README's Markdown table: key, group, what it
 * measures and which contacts it covers, unit, better side, and the value when there is nothing to
 * measure. `npm run docs` writes it between the README's markers; a test checks that the README
 * holds exactly this, so the documentation cannot drift from the definitions.
 */
export function figuresMarkdown(): string {
  const unit = (d: FigureDef) => (d.unit === 'currency' ? 'currency units' : d.unit === 'ratio' ? '' : d.unit);
  const empty = (d: FigureDef) => (d.num === undefined ? '' : d.den === undefined ? '0' : 'null (blank in CSV)');
  const when = (d: FigureDef) => (d.when === 'customers' ? ' (with customers)' : d.when === 'email' ? ' (with email)' : '');
  const rows = (Object.entries(CATALOGUE) as [string, FigureDef][]).map(
    ([key, d]) => `| \`${key}\`${when(d)} | ${d.group} | ${d.covers} | ${unit(d)} | ${d.direction ?? ''} | ${empty(d)} |`,
  );
  return ['| figure | in | definition: what is counted, over which contacts | unit | better | nothing to measure |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The README markers the table sits between. */
export const FIGURES_START = '<!-- figures:start (npm run docs writes this table from src/model/catalogue.ts) -->';
export const FIGURES_END = '<!-- figures:end -->';
