/**
 * Vega-Lite spec → SVG → PNG, headless and offline:
 *
 *   spec ─vega-lite compile─▶ Vega spec ─vega View, renderer 'none'─▶ toSVG() ─resvg─▶ PNG at 2×
 *
 * vega (~0.8 s to import) and resvg are imported on first use, so commands that draw nothing
 * (validate, erlang, schema) never load them. resvg is given the DejaVu fonts of the
 * dejavu-fonts-ttf package and no system fonts: text renders the same on every machine, and does
 * not vanish where the system has none. Nothing here touches the file system except resvg reading
 * those font files; the caller writes the results.
 */
import { createRequire } from 'node:module';
import { isBold, textWidth } from './text-width.js';
import type { VlSpec } from './theme.js';

/** PNG pixels per SVG (CSS) pixel: an 800 × 450 chart becomes 1600 × 900, sharp on a slide. */
export const PNG_SCALE = 2;

export interface RenderedChart {
  svg: string;
  png: Uint8Array;
  /** SVG size in CSS pixels; the PNG is PNG_SCALE times this, rounded. */
  width: number;
  height: number;
  /** What vega-lite and vega warned about (an empty list for a good spec). */
  warnings: string[];
}

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'];

let modules: Promise<{ vl: typeof import('vega-lite'); vega: typeof import('vega'); Resvg: typeof import('@resvg/resvg-js').Resvg; fonts: string[] }> | undefined;

function load() {
  modules ??= (async () => {
    const [vl, vega, resvg] = await Promise.all([import('vega-lite'), import('vega'), import('@resvg/resvg-js')]);
    // Measure text as DejaVu Sans sets it, not by vega's 0.8 em-per-character estimate (a label
    // with a `limit` is truncated to it, so it is never wider than that).
    (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = (item: { fontSize?: number; fontWeight?: unknown; limit?: number }, text: unknown) => {
      const size = item.fontSize != null ? +item.fontSize || 0 : 11;
      const w = textWidth(text == null ? '' : String(text).trim(), size, isBold(item.fontWeight));
      return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
    };
    const require = createRequire(import.meta.url);
    const fonts = FONT_FILES.map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));
    return { vl, vega, Resvg: resvg.Resvg, fonts };
  })();
  return modules;
}

/** A logger for vega-lite and vega that collects warnings instead of printing them. */
function collector(warnings: string[]) {
  let level = 2;
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      warnings.push(`error: ${text(args)}`);
      return logger;
    },
    warn(...args: unknown[]) {
      warnings.push(text(args));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/** The SVG of a Vega-Lite spec, rendered by vega without a browser. */
export async function renderSvg(spec: VlSpec, warnings: string[] = []): Promise<string> {
  const { vl, vega } = await load();
  const logger = collector(warnings);
  // A copy: vega tags the inlined data rows it ingests, and the caller's spec stays as built.
  const compiled = vl.compile(structuredClone(spec) as never, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: logger as never });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A PNG of an SVG at `scale` × its size, drawn with the shipped DejaVu fonts only. */
export async function renderPng(svg: string, scale = PNG_SCALE): Promise<Uint8Array> {
  const { Resvg, fonts } = await load();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}

/** The width and height an SVG declares on its root element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1] ?? NaN);
  return { width: attr('width'), height: attr('height') };
}

/** SVG and PNG of a spec, with the warnings met on the way. */
export async function renderChart(spec: VlSpec): Promise<RenderedChart> {
  const warnings: string[] = [];
  const svg = await renderSvg(spec, warnings);
  const png = await renderPng(svg);
  return { svg, png, ...svgSize(svg), warnings };
}
