// The staff user as the pages see it (login, "who am I").
import type { Actor } from '../http/context.ts';

export function userJson(
  a: Pick<Actor, 'userId' | 'email' | 'displayName' | 'role' | 'supervisor' | 'counsellorId'>,
) {
  return {
    id: a.userId,
    email: a.email,
    displayName: a.displayName,
    role: a.role,
    supervisor: a.supervisor,
    counsellorId: a.counsellorId,
  };
}
