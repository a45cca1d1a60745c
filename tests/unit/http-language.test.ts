// Language detection (Hono's language middleware): `?lang=` first, then Accept-Language by weight, German last.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../functions/http/context.ts';
import { detectLanguage, pickLanguage, pickStaffLanguage } from '../../functions/http/language.ts';

const app = new Hono<AppEnv>()
  .use('*', detectLanguage())
  .get('/', (c) => c.json({ citizen: pickLanguage(c), staff: pickStaffLanguage(c) }));

async function languages(query: string, acceptLanguage?: string) {
  const res = await app.request(`/${query}`, {
    headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
  });
  expect(res.headers.get('set-cookie')).toBeNull();
  return res.json();
}

describe('request language', () => {
  it.each([
    ['', undefined, 'de', 'de'],
    ['', 'uk-UA,uk;q=0.9,en;q=0.5', 'uk', 'en'],
    ['', 'fr-FR, fr;q=0.9', 'de', 'de'],
    ['', 'fr;q=0.9, tr;q=0.8, en;q=0.7', 'tr', 'en'],
    ['', 'en;q=0.2, ar;q=0.6', 'ar', 'en'],
    ['', 'ru;q=0, en;q=0.1', 'en', 'en'],
    ['?lang=tr', 'en', 'tr', 'en'],
    ['?lang=EN', 'uk', 'en', 'en'],
    ['?lang=xx', 'ru', 'ru', 'de'],
  ])('query %j with Accept-Language %j: citizen %s, staff %s', async (query, header, citizen, staff) => {
    expect(await languages(query, header)).toEqual({ citizen, staff });
  });
});
