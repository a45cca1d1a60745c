// Every request of the staff pages: session cookie + CSRF header, problem+json as ApiError, ETag polling.
import { signal } from '@preact/signals';
import { ApiError, type ClientErrorCode } from '../shared/api.ts';
import { lang } from '../shared/i18n.ts';

export { ApiError };

/** The CSRF token of the current login; sent with every state-changing request. */
export const csrfToken = signal('');
/** Set when the server says the session is gone; the page then shows the login again. */
export const sessionExpired = signal(false);

async function send(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        'accept-language': lang.value,
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken.value }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...extra,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
}

async function fail(res: Response): Promise<never> {
  const data = await res.json().catch(() => ({}));
  if (res.status === 401) sessionExpired.value = true;
  throw new ApiError(
    res.status,
    String(data.code ?? `http_${res.status}`) as ClientErrorCode,
    data.errors ?? [],
    data,
  );
}

/** JSON request; throws ApiError for any non-2xx answer. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  if (!res.ok) return fail(res);
  return (await res.json().catch(() => ({}))) as T;
}

/** A GET that sends If-None-Match; `null` means "not modified". */
export async function poll<T>(
  path: string,
  etag: string | null,
): Promise<{ data: T; etag: string | null } | null> {
  const res = await send('GET', path, undefined, etag ? { 'if-none-match': etag } : {});
  if (res.status === 304) return null;
  if (!res.ok) return fail(res);
  return { data: (await res.json()) as T, etag: res.headers.get('etag') };
}

/** "?a=1&b=2" from the defined entries. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
