import { defineProblems } from '@bouwsteen/common/pure';

export enum AuthError {
  UserNotFound = 'user-not-found',
  TokenNotFound = 'token-not-found',
  SessionNotFound = 'session-not-found',
  EmailTaken = 'email-taken',
  TokenLimitReached = 'token-limit-reached',
  TooManyAttempts = 'too-many-attempts',
  PasswordChangeRequired = 'password-change-required',
  AccountDeactivated = 'account-deactivated',
  PasswordLinkNotFound = 'password-link-not-found',
  PasswordLinkExpired = 'password-link-expired',
  PasswordLinkUsed = 'password-link-used',
  PasswordLinkReplaced = 'password-link-replaced',
  FederationIssuerUnknown = 'federation-issuer-unknown',
  FederationStateInvalid = 'federation-state-invalid',
  FederationRefused = 'federation-refused',
  FederationUnavailable = 'federation-unavailable',
  FederationEmailMissing = 'federation-email-missing',
  FederationEmailTaken = 'federation-email-taken',
  FederationLinkConflict = 'federation-link-conflict',
  FederationAccountDeactivated = 'federation-account-deactivated',
  FederationLinkNotFound = 'federation-link-not-found',
  FederationLastWayIn = 'federation-last-way-in',
  FederationTooManyStarts = 'federation-too-many-starts',
  PasswordAlreadySet = 'password-already-set',
  LastAdmin = 'last-admin',
}

defineProblems<AuthError>('auth', {
  [AuthError.LastAdmin]: {
    status: 409,
    title: 'Last admin',
    description:
      'This is the only active admin account: give another account the admin role before deleting it.',
  },
  [AuthError.UserNotFound]: {
    status: 404,
    title: 'User not found',
    description: 'No account with this id.',
  },
  [AuthError.TokenNotFound]: {
    status: 404,
    title: 'Token not found',
    description: 'No API token of yours with this id.',
  },
  [AuthError.SessionNotFound]: {
    status: 404,
    title: 'Session not found',
    description:
      'No signed-in browser of yours with this id: it was signed out, ended everywhere or expired.',
  },
  [AuthError.EmailTaken]: {
    status: 409,
    title: 'Email address taken',
    description:
      'An account with this email address exists already (in any letter case, and with Unicode compatibility forms such as fullwidth letters folded).',
  },
  [AuthError.TokenLimitReached]: {
    status: 409,
    title: 'Too many API tokens',
    description: 'An account has at most 20 active API tokens; revoke one first.',
  },
  [AuthError.TooManyAttempts]: {
    status: 429,
    title: 'Too many sign-in attempts',
    description:
      'Too many unsuccessful sign-ins for this account from this address, or from this address over all accounts; Retry-After says when to try again.',
  },
  [AuthError.PasswordChangeRequired]: {
    status: 403,
    title: 'Choose a new password first',
    description:
      "Someone else chose this account's password (an admin, at invitation or afterwards). Until its owner chooses their own with POST /api/v1/me/password (or on the page /mijn-account/wachtwoord), only that and GET /api/v1/me are open.",
  },
  [AuthError.AccountDeactivated]: {
    status: 409,
    title: 'Account deactivated',
    description:
      'The account is deactivated: activate it before sending it an invitation or reset link.',
  },
  [AuthError.PasswordLinkNotFound]: {
    status: 404,
    title: 'Link not found',
    description:
      'No invitation or reset link has this secret; it may have been copied incompletely.',
  },
  [AuthError.PasswordLinkExpired]: {
    status: 410,
    title: 'Link expired',
    description:
      'The invitation or reset link is past its time (INVITATION_LINK_HOURS, RESET_LINK_HOURS); ask an admin for a new one.',
  },
  [AuthError.PasswordLinkUsed]: {
    status: 410,
    title: 'Link already used',
    description: 'An invitation or reset link works once, and this one has been used.',
  },
  [AuthError.PasswordLinkReplaced]: {
    status: 410,
    title: 'Link replaced',
    description:
      'A newer link was made for this account, or its password changed or it was deactivated since; only the newest link works.',
  },
  [AuthError.FederationIssuerUnknown]: {
    status: 404,
    title: 'Unknown issuer',
    description: 'No OpenID Connect issuer with this key is configured (OIDC_ISSUERS).',
  },
  [AuthError.FederationStateInvalid]: {
    status: 400,
    title: 'Sign-in not recognised',
    description:
      "The issuer's answer names no sign-in under way in this browser: its state is unknown, was used already, expired (10 minutes) or belongs to another browser or account.",
  },
  [AuthError.FederationRefused]: {
    status: 400,
    title: 'Sign-in refused',
    description:
      'The issuer refused the sign-in, or its answer failed a check (state, nonce, PKCE, issuer, audience, signature); nothing was signed in.',
  },
  [AuthError.FederationUnavailable]: {
    status: 503,
    title: 'Issuer unavailable',
    description: "The issuer's metadata or endpoints cannot be reached now; try again shortly.",
  },
  [AuthError.FederationEmailMissing]: {
    status: 400,
    title: 'No usable e-mail address',
    description:
      'The issuer released no e-mail address (or one that is not ASCII), which a new account needs.',
  },
  [AuthError.FederationEmailTaken]: {
    status: 409,
    title: 'E-mail address has an account',
    description:
      'An account with the e-mail address the issuer released exists already; it is never taken over by e-mail. Its owner signs in with their password and links the institution account on their account page.',
  },
  [AuthError.FederationLinkConflict]: {
    status: 409,
    title: 'Institution account linked elsewhere',
    description:
      'This institution account belongs to another account, or this account is linked to another account of the same issuer already.',
  },
  [AuthError.FederationAccountDeactivated]: {
    status: 403,
    title: 'Account deactivated',
    description: 'The account this institution account belongs to is deactivated.',
  },
  [AuthError.FederationLinkNotFound]: {
    status: 404,
    title: 'Institution account not linked',
    description: 'This account has no institution account of this issuer linked.',
  },
  [AuthError.FederationLastWayIn]: {
    status: 409,
    title: 'Only way to sign in',
    description:
      "This institution account is the account's only way to sign in (no password, no other institution account): set a password or link another one first.",
  },
  [AuthError.FederationTooManyStarts]: {
    status: 429,
    title: 'Too many sign-ins under way',
    description:
      'Too many sign-ins through an institution were started from this address and not finished, or from everywhere at once (OIDC_START_ADDRESS_LIMIT, OIDC_PENDING_LIMIT); Retry-After says when to try again.',
  },
  [AuthError.PasswordAlreadySet]: {
    status: 409,
    title: 'Account has a password',
    description:
      'A password link for oneself is only for an account without a password (made through an institution); change a password with the current one.',
  },
});
