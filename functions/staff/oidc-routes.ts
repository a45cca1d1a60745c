// Single sign-on: GET /api/auth/oidc/start → provider (code flow, PKCE, state, nonce) → GET
// /api/auth/oidc/callback → session; POST /api/auth/oidc/backchannel-logout; GET /api/auth/options.
import { Hono } from 'hono';
import * as oidc from 'openid-client';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { hashSecret } from '../platform/secrets.ts';
import { readLocalLoginMode } from './login-settings.ts';
import { identityOf, mapRoles } from './oidc-claims.ts';
import { storeLoginState, takeLoginState } from './oidc-repository.ts';
import { emailTakenByOtherSubject, provisionOidcUser } from './repository.ts';
import { OidcCallbackQuery, OidcStartQuery } from './schemas.ts';
import { auditSecurityEvent, clientHashOf } from './security-audit.ts';
import { deleteOidcSessions, deleteSessionsOfUser } from './session-repository.ts';
import { startSession } from './start-session.ts';

const STATE_MINUTES = 10;

function provider(c: { get(k: 'deps'): AppEnv['Variables']['deps'] }) {
  const p = c.get('deps').oidc;
  if (!p) throw new AppError('not_found', { detail: 'Single sign-on is not configured.' });
  return p;
}

export const oidcRoutes = new Hono<AppEnv>()
  .get('/api/auth/options', async (c) => {
    const config = c.get('config');
    const mode = await readLocalLoginMode(c.get('db'), config);
    c.header('cache-control', 'no-store');
    return c.json({
      localLogin: mode,
      sso: c.get('deps').oidc ? { label: config.OIDC_LOGIN_LABEL || 'Single sign-on' } : null,
    });
  })
  .get('/api/auth/oidc/start', validate('query', OidcStartQuery), async (c) => {
    const p = provider(c);
    const returnTo = c.req.valid('query').returnTo;
    // A browser navigation: an unreachable provider is a message on the login page, not a JSON body.
    const config = await p.configuration().catch(() => null);
    if (!config) return c.redirect(`${returnTo}?loginError=provider_unavailable`, 302);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const now = c.get('clock').now();
    await storeLoginState(c.get('db'), {
      stateHash: await hashSecret(state),
      nonce,
      codeVerifier,
      returnTo,
      expiresAt: new Date(now.getTime() + STATE_MINUTES * 60_000),
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: p.callbackUrl,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    c.header('cache-control', 'no-store');
    return c.redirect(url.toString(), 302);
  })
  .get('/api/auth/oidc/callback', validate('query', OidcCallbackQuery), async (c) => {
    const p = provider(c);
    const q = c.req.valid('query');
    const db = c.get('db');
    const now = c.get('clock').now();
    const clientHash = await clientHashOf(c);
    const refuse = async (reason: string, returnTo = '/counsellor', userId: string | null = null) => {
      await auditSecurityEvent(
        c,
        { action: 'login_failed', entityId: userId, detail: { method: 'oidc', reason } },
        clientHash,
      );
      c.header('cache-control', 'no-store');
      return c.redirect(`${returnTo}?loginError=${encodeURIComponent(reason)}`, 302);
    };
    const stored = q.state ? await takeLoginState(db, await hashSecret(q.state), now) : undefined;
    if (!stored || !q.state) return refuse('invalid_state');
    if (q.error) return refuse('provider_refused', stored.return_to);
    const config = await p.configuration().catch(() => null);
    if (!config) return refuse('provider_unavailable', stored.return_to);
    let claims: Record<string, unknown>;
    let idToken: string | undefined;
    try {
      // The provider redirected to our public callback address; behind a proxy c.req.url may differ.
      const current = new URL(p.callbackUrl);
      current.search = new URL(c.req.url).search;
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: stored.code_verifier,
        expectedState: q.state,
        expectedNonce: stored.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      idToken = tokens.id_token;
    } catch (e) {
      c.get('log').warn('oidc code exchange failed', { requestId: c.get('requestId'), error: String(e) });
      return refuse('code_exchange_failed', stored.return_to);
    }
    const identity = identityOf(claims);
    if (!identity) return refuse('missing_identity', stored.return_to);
    const env = c.get('config');
    const roles = mapRoles(claims, {
      claim: env.OIDC_ROLES_CLAIM,
      counsellor: env.OIDC_COUNSELLOR_GROUPS,
      operator: env.OIDC_OPERATOR_GROUPS,
      supervisor: env.OIDC_SUPERVISOR_GROUPS,
    });
    if (!roles) return refuse('no_role', stored.return_to);
    if (await emailTakenByOtherSubject(db, identity.email, identity.subject))
      return refuse('email_in_use', stored.return_to);
    const user = await provisionOidcUser(db, { ...identity, ...roles }, now);
    // A changed role must not live on in sessions that were opened with the old one.
    if (user.changed) await deleteSessionsOfUser(db, user.id, null);
    await startSession(c, {
      userId: user.id,
      method: 'oidc',
      pending: null,
      clientHash,
      oidcSid: typeof claims.sid === 'string' ? claims.sid : null,
      idToken: idToken ?? null,
    });
    c.header('cache-control', 'no-store');
    const target =
      roles.role === 'operator' && stored.return_to === '/counsellor' ? '/admin' : stored.return_to;
    return c.redirect(target, 302);
  })
  .post('/api/auth/oidc/backchannel-logout', async (c) => {
    const p = provider(c);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const token = form.logout_token;
    if (typeof token !== 'string' || token.length > 8000)
      throw new AppError('invalid_request', { detail: 'logout_token is required.' });
    let who: { sid?: string; sub?: string };
    try {
      who = await p.verifyLogoutToken(token);
    } catch {
      throw new AppError('invalid_request', { detail: 'The logout token is not valid.' });
    }
    const ended = await deleteOidcSessions(
      c.get('db'),
      who.sid ? { sid: who.sid } : who.sub ? { subject: who.sub } : {},
    );
    c.get('log').info('back-channel logout', { requestId: c.get('requestId'), sessionsEnded: ended });
    c.header('cache-control', 'no-store');
    return c.body(null, 200);
  });
