// The user-facing message for a failed staff request.
import { tr } from '../shared/i18n.ts';
import { ApiError } from './api.ts';
import { STAFF } from './strings.ts';

export function errorText(e: unknown): string {
  const s = tr(STAFF);
  if (e instanceof ApiError) {
    if (e.code === 'network') return s.network;
    if (e.status === 503) return s.unavailable;
    const detail = typeof e.body.detail === 'string' ? e.body.detail : '';
    const fields = e.errors.map((f) => `${f.path}: ${f.message}`).join('; ');
    return [s.failed, detail, fields].filter(Boolean).join(' ');
  }
  return s.failed;
}
