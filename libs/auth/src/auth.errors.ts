import { defineProblems } from '@bouwsteen/common/pure';

export enum AuthError {
  UserNotFound = 'user-not-found',
  TokenNotFound = 'token-not-found',
  EmailTaken = 'email-taken',
  TokenLimitReached = 'token-limit-reached',
  TooManyAttempts = 'too-many-attempts',
}

defineProblems<AuthError>('auth', {
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
  [AuthError.EmailTaken]: {
    status: 409,
    title: 'Email address taken',
    description: 'An account with this email address (in any letter case) exists already.',
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
});
