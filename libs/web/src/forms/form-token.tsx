import type { PageContext } from '../http/page-context';

/** The field name of the form token; never passed on to a service. */
export const FORM_TOKEN_FIELD = '_formulier';

export function FormTokenField({ page }: { page: PageContext }): JSX.Element {
  return <input type="hidden" name={FORM_TOKEN_FIELD} value={page.formToken} />;
}
