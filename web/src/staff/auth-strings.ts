// German and English strings of the staff login: single sign-on, second factor, refusals.
import type { Strings } from '../shared/i18n.ts';

export const AUTH = {
  de: {
    sso: 'Mit Single Sign-on anmelden',
    or: 'oder mit lokalem Passwort',
    totp: 'Einmalcode aus der Authenticator-App',
    totpNeeded: 'Bitte geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein.',
    totpWrong: 'Der Code stimmt nicht oder wurde schon verwendet. Bitte warten Sie auf den nächsten.',
    localOff: 'Lokale Passwörter sind abgeschaltet. Bitte melden Sie sich mit Single Sign-on an.',
    loginErrors: {
      no_role: 'Ihr Konto hat keine Rolle in Beratungsraum. Bitte wenden Sie sich an die Leitstelle.',
      provider_refused: 'Die Anmeldung wurde beim Anmeldedienst abgebrochen.',
      invalid_state: 'Die Anmeldung ist abgelaufen. Bitte versuchen Sie es erneut.',
      missing_identity: 'Der Anmeldedienst hat keine bestätigte E-Mail-Adresse übermittelt.',
      email_in_use: 'Diese E-Mail-Adresse gehört zu einem anderen Konto.',
      code_exchange_failed: 'Die Anmeldung konnte nicht abgeschlossen werden. Bitte versuchen Sie es erneut.',
      provider_unavailable:
        'Der Anmeldedienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
    } as Record<string, string>,
    account: 'Konto',
    resetNotice: 'Ihr Passwort wurde am {at} von der Leitstelle zurückgesetzt.',
  },
  en: {
    sso: 'Log in with single sign-on',
    or: 'or with a local password',
    totp: 'One-time code from the authenticator app',
    totpNeeded: 'Please enter the six-digit code from your authenticator app.',
    totpWrong: 'The code is wrong or was used already. Please wait for the next one.',
    localOff: 'Local passwords are switched off. Please log in with single sign-on.',
    loginErrors: {
      no_role: 'Your account has no role in Beratungsraum. Please contact the operators.',
      provider_refused: 'The login was cancelled at the login service.',
      invalid_state: 'The login has expired. Please try again.',
      missing_identity: 'The login service sent no verified e-mail address.',
      email_in_use: 'This e-mail address belongs to another account.',
      code_exchange_failed: 'The login could not be completed. Please try again.',
      provider_unavailable: 'The login service is unavailable right now. Please try again shortly.',
    } as Record<string, string>,
    account: 'Account',
    resetNotice: 'Your password was reset by the operators on {at}.',
  },
} satisfies Strings<unknown>;
