/**
 * Text widths of DejaVu Sans, the font the charts are drawn in, for vega's layout.
 *
 * Without a canvas, vega estimates a text's width as 0.8 × font size per character — about 45%
 * wider than DejaVu Sans really is — so titles and legends push the charts wide and leave blank
 * margins. Vega lets the measure be replaced (vega-scenegraph `textMetrics.width`); this one sums
 * the fonts' advance widths. The tables are the advance widths of U+0020…U+007E in thousandths of
 * an em, read from the hmtx tables of DejaVuSans.ttf and DejaVuSans-Bold.ttf 2.37 (the
 * dejavu-fonts-ttf package the PNG renderer is given); other characters use the mean width.
 */
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838,
  838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390,
  337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,
  525, 636, 337, 636, 838,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838,
  838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457,
  365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652,
  582, 712, 365, 712, 838,
];
/** Characters outside ASCII that the charts write. */
const WIDE: Readonly<Record<string, number>> = { '–': 500, '—': 1000, '−': 838, '±': 838, '×': 838, '→': 838, '◆': 769, '°': 500, '…': 1000, '’': 318, '·': 318 };
const MEAN = 620;

/** Width in pixels of `text` set in DejaVu Sans at `fontSize` px (bold when `bold`). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    em += code >= 32 && code < 127 ? table[code - 32]! : (WIDE[ch] ?? MEAN) * (bold ? 1.08 : 1);
  }
  return (em / 1000) * fontSize;
}

/** Is a vega font weight bold? (named or numeric ≥ 600) */
export function isBold(weight: unknown): boolean {
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || (typeof weight === 'string' && Number(weight) >= 600);
}
