// How the staff feature's adapter failures answer over HTTP: the one place that turns them into problems.
import { AppError } from '../http/problem.ts';
import { IdentityProviderUnavailable } from '../platform/ports.ts';

/** The problem for an identity provider that does not answer, else undefined. */
export function staffProblem(error: unknown): AppError | undefined {
  if (!(error instanceof IdentityProviderUnavailable)) return undefined;
  return new AppError('identity_provider_unavailable', {
    retryAfterSeconds: 5,
    detail: 'The login service of your agency does not answer. Please try again shortly.',
    cause: error,
  });
}
