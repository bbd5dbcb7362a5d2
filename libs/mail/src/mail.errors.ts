import { defineProblems } from '@bouwsteen/common/pure';

export enum MailError {
  UnsubscribeInvalid = 'mail-unsubscribe-invalid',
}

defineProblems<MailError>('mail', {
  [MailError.UnsubscribeInvalid]: {
    status: 404,
    title: 'Unsubscribe link not valid',
    description:
      'The unsubscribe link is incomplete or was not made by this site (or its key changed). Sign in and change the e-mail settings at /mijn-account/e-mail instead.',
  },
});
