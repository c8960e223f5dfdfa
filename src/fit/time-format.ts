/**
 * Time formats of call logs, as token patterns: YYYY (or YY: 50–99 → 19YY, 00–49 → 20YY), MM or
 * M, DD or D, HH or H (0–47: a time of day may run past midnight), mm, ss, and SSS (a fraction of
 * any length, optional with its separator when the pattern ends ".SSS"); other characters are
 * literal. "unix" reads seconds since 1970-01-01 00:00 as a number. A datetime becomes seconds
 * since 1970-01-01 00:00 of the same wall clock (no time zones, engine/civil-time.ts).
 */
import { daysFromCivil, isCivilDate, SECONDS_PER_DAY } from '../engine/civil-time.js';

export interface TimeParser {
  /** Seconds since 1970-01-01 00:00 (a datetime), or since midnight (a time of day); null if it does not match. */
  parse(text: string): number | null;
  hasDate: boolean;
  hasTime: boolean;
  /** The pattern, for messages. */
  format: string;
}

const TOKENS: [string, string, string][] = [
  ['YYYY', '(?<Y>\\d{4})', 'Y'],
  ['YY', '(?<y>\\d{2})', 'y'],
  ['MM', '(?<M>\\d{2})', 'M'],
  ['M', '(?<M>\\d{1,2})', 'M'],
  ['DD', '(?<D>\\d{2})', 'D'],
  ['D', '(?<D>\\d{1,2})', 'D'],
  ['HH', '(?<H>\\d{2})', 'H'],
  ['H', '(?<H>\\d{1,2})', 'H'],
  ['mm', '(?<m>\\d{2})', 'm'],
  ['ss', '(?<s>\\d{2})', 's'],
  ['SSS', '(?<f>\\d+)', 'f'],
];

export function timeParser(format: string): TimeParser {
  if (format === 'unix') {
    return {
      parse: (t) => (/^-?\d+(\.\d+)?$/.test(t.trim()) ? Number(t.trim()) : null),
      hasDate: true,
      hasTime: true,
      format,
    };
  }
  let src = '';
  const seen = new Set<string>();
  let i = 0;
  // ".SSS" at the end: the fraction may be absent.
  const optionalFraction = /[.,]SSS$/.test(format);
  const body = optionalFraction ? format.slice(0, -4) : format;
  while (i < body.length) {
    const tok = TOKENS.find(([t]) => body.startsWith(t, i));
    if (tok) {
      src += tok[1];
      seen.add(tok[2]);
      i += tok[0].length;
    } else {
      src += body[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  if (optionalFraction) {
    src += `(?:\\${format[format.length - 4]}(?<f>\\d+))?`;
    seen.add('f');
  }
  const re = new RegExp(`^${src}$`);
  const hasDate = seen.has('Y') || seen.has('y');
  const hasTime = seen.has('H');
  return {
    hasDate,
    hasTime,
    format,
    parse(text: string) {
      const g = re.exec(text.trim())?.groups;
      if (!g) return null;
      let day = 0;
      if (hasDate) {
        const y = g.Y !== undefined ? Number(g.Y) : Number(g.y) + (Number(g.y) >= 50 ? 1900 : 2000);
        const m = Number(g.M ?? 1);
        const d = Number(g.D ?? 1);
        if (!isCivilDate(y, m, d)) return null;
        day = daysFromCivil(y, m, d);
      }
      const h = Number(g.H ?? 0);
      const mi = Number(g.m ?? 0);
      const s = Number(g.s ?? 0);
      if (h > (hasDate ? 23 : 47) || mi > 59 || s > 59) return null;
      const frac = g.f ? Number(g.f) / 10 ** g.f.length : 0;
      return day * SECONDS_PER_DAY + h * 3600 + mi * 60 + s + frac;
    },
  };
}
