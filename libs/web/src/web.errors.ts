import { defineProblems } from '@bouwsteen/common/pure';

export enum WebError {
  FormExpired = 'form-expired',
}

defineProblems<WebError>('web', {
  [WebError.FormExpired]: {
    status: 403,
    title: 'Form expired or sent from elsewhere',
    description:
      'A form on the pages carries a token that proves it came from this site and this browser. Reload the page and send it again; cookies must be allowed.',
  },
});
