// Maps an identity provider's ID token claims to a staff role and the supervisor permission (pure).
import type { StaffRole } from '../db/database.ts';

export interface RoleMapping {
  claim: string;
  counsellor: string[];
  operator: string[];
  supervisor: string[];
}

/** Reads a claim by dotted path ("groups", "realm_access.roles"); a string counts as a one-item list. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object') return [];
    value = (value as Record<string, unknown>)[part];
  }
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  // Keycloak can send full group paths ("/beratung"); compare by the last segment too.
  return list.filter((x): x is string => typeof x === 'string').flatMap((x) => [x, x.replace(/^.*\//, '')]);
}

/**
 * The role from the claim's values (operator wins over counsellor), or null when none maps: such a
 * user is refused. Supervisor is a permission on top of a role, never a role of its own.
 * @example mapRoles({ groups: ['beratung'] }, { claim: 'groups', counsellor: ['beratung'], … }) → counsellor
 */
export function mapRoles(
  claims: Record<string, unknown>,
  m: RoleMapping,
): { role: StaffRole; supervisor: boolean } | null {
  const values = new Set(claimValues(claims, m.claim));
  const has = (names: string[]) => names.some((n) => values.has(n));
  const role: StaffRole | null = has(m.operator) ? 'operator' : has(m.counsellor) ? 'counsellor' : null;
  return role ? { role, supervisor: has(m.supervisor) } : null;
}

/** The identity a login needs from the ID token, or null if the provider did not send it. */
export function identityOf(
  claims: Record<string, unknown>,
): { subject: string; email: string; displayName: string } | null {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  // An unverified address could claim someone else's local account.
  if (!subject || subject.length > 255 || !email || claims.email_verified !== true) return null;
  const name = [claims.name, [claims.given_name, claims.family_name].filter(Boolean).join(' ')].find(
    (n) => typeof n === 'string' && n.trim() !== '',
  ) as string | undefined;
  return { subject, email, displayName: (name ?? email).trim().slice(0, 200) };
}
