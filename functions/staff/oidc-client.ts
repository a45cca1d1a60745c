// The OpenID Connect relying party (openid-client on fetch and WebCrypto, so workerd and Deno too):
// discovery once per process (again after a failure), authorization URL with PKCE, code exchange,
// RP-initiated logout URL and back-channel logout token checks.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import type { Config } from '../env.ts';
import type { AppDeps } from '../http/context.ts';
import { IdentityProviderUnavailable, type OidcProvider } from '../platform/ports.ts';
import { oidcConfigured } from './login-settings.ts';

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function createOidcProvider(config: Config): OidcProvider | null {
  if (!oidcConfigured(config)) return null;
  const issuer = new URL(config.OIDC_ISSUER);
  let pending: Promise<oidc.Configuration> | null = null;
  let jwks: ReturnType<typeof createRemoteJWKSet> | null = null;
  const configuration = () => {
    pending ??= oidc
      .discovery(issuer, config.OIDC_CLIENT_ID, config.OIDC_CLIENT_SECRET, undefined, {
        // Plain http only to a provider on this machine (development and tests).
        ...(issuer.protocol === 'http:' && isLoopback(issuer)
          ? { execute: [oidc.allowInsecureRequests] }
          : {}),
        timeout: 5,
      })
      .catch((e: unknown) => {
        pending = null;
        throw new IdentityProviderUnavailable({ cause: e });
      });
    return pending;
  };
  return {
    callbackUrl: `${config.PUBLIC_BASE_URL}/api/auth/oidc/callback`,
    configuration,
    async verifyLogoutToken(token) {
      const meta = (await configuration()).serverMetadata();
      if (!meta.jwks_uri) throw new Error('provider has no jwks_uri');
      jwks ??= createRemoteJWKSet(new URL(meta.jwks_uri));
      const { payload } = await jwtVerify(token, jwks, {
        issuer: meta.issuer,
        audience: config.OIDC_CLIENT_ID,
        maxTokenAge: '5m',
      });
      const events = payload.events as Record<string, unknown> | undefined;
      if (!events || typeof events !== 'object' || !(BACKCHANNEL_EVENT in events) || 'nonce' in payload)
        throw new Error('not a logout token');
      const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
      const sub = typeof payload.sub === 'string' ? payload.sub : undefined;
      if (!sid && !sub) throw new Error('logout token names no session');
      return { ...(sid ? { sid } : {}), ...(sub ? { sub } : {}) };
    },
  };
}

/** Where the browser goes to end the provider's session too, or null without one. */
export async function oidcLogoutUrl(
  deps: AppDeps,
  idToken: string | null,
  publicBaseUrl: string,
): Promise<string | null> {
  if (!deps.oidc) return null;
  try {
    const config = await deps.oidc.configuration();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc
      .buildEndSessionUrl(config, {
        post_logout_redirect_uri: `${publicBaseUrl}/counsellor`,
        client_id: config.clientMetadata().client_id,
        ...(idToken ? { id_token_hint: idToken } : {}),
      })
      .toString();
  } catch {
    // The local session is over either way; the provider's ends on its own timeout.
    return null;
  }
}
