// Picks German or English from `?lang=` or Accept-Language; German first.
import type { Context } from 'hono';

export type Lang = 'de' | 'en';

export function pickLanguage(c: Context): Lang {
  const q = c.req.query('lang');
  if (q === 'de' || q === 'en') return q;
  const header = c.req.header('accept-language') ?? '';
  let best: { lang: Lang; q: number } = { lang: 'de', q: -1 };
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const weight = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? '1');
    const lang = tag?.startsWith('de') ? 'de' : tag?.startsWith('en') ? 'en' : null;
    if (lang && Number.isFinite(weight) && weight > best.q) best = { lang, q: weight };
  }
  return best.lang;
}
