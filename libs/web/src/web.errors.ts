import { defineProblems } from '@bouwsteen/common/pure';

export enum WebError {
  FormExpired = 'form-expired',
  FormOtherAddress = 'form-other-address',
}

defineProblems<WebError>('web', {
  [WebError.FormExpired]: {
    status: 403,
    title: 'Form expired or sent from elsewhere',
    description:
      'A form on the pages carries a token that proves it came from this site and this browser. Reload the page and send it again; cookies must be allowed.',
  },
  [WebError.FormOtherAddress]: {
    status: 403,
    title: 'Form sent from another address',
    description:
      'The page with the form was opened at another address than the one this site is configured with (PUBLIC_BASE_URL); open the site at that address and send the form again.',
  },
});
