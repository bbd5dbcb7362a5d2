import { FieldCode, FieldError } from '@bouwsteen/common';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import type { PageContext } from '../../http/page-context';

export const PASSWORD_LABELS: Record<string, string> = {
  currentPassword: 'Huidig wachtwoord',
  newPassword: 'Nieuw wachtwoord',
  newPasswordRepeat: 'Herhaal het nieuwe wachtwoord',
};

const NEW_PASSWORD_HINT =
  'Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.';

/** The form's text fields as posted; passwords are never shown again, so nothing else is kept. */
export function passwordFields(body: Record<string, unknown>): Record<string, string> {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  return {
    currentPassword: text('currentPassword'),
    newPassword: text('newPassword'),
    newPasswordRepeat: text('newPasswordRepeat'),
  };
}

/** The repeat must match; said beside the repeat field, with the API's own checks. */
export function repeatProblems(fields: Record<string, string>): FieldError[] {
  return fields.newPasswordRepeat === fields.newPassword
    ? []
    : [
        {
          field: 'newPasswordRepeat',
          message: 'does not match the new password',
          code: FieldCode.PasswordRepeatMismatch,
        },
      ];
}

/**
 * A new password, typed twice (no page script needed to see a typo); with the current one when
 * the account changes its own. Passwords are never echoed back into the form.
 */
export function PasswordForm(props: {
  page: PageContext;
  action: string;
  errors: FieldErrors;
  askCurrent: boolean;
  submit: string;
  /** The account's e-mail address, for password managers (a read-only field). */
  email: string;
}): JSX.Element {
  return (
    <>
      <ErrorSummary
        errors={props.errors}
        labelOf={(path) => PASSWORD_LABELS[path] ?? 'Formulier'}
      />
      <form method="post" action={props.action} class="site-form" novalidate>
        <FormTokenField page={props.page} />
        <div class="utrecht-form-field utrecht-form-field--text">
          <label class="utrecht-form-label" for="veld-account">
            E-mailadres van uw account
          </label>
          <input
            class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only"
            id="veld-account"
            type="email"
            autocomplete="username"
            value={props.email}
            readonly
          />
        </div>
        {props.askCurrent ? (
          <TextField
            path="currentPassword"
            label={PASSWORD_LABELS.currentPassword}
            type="password"
            autocomplete="current-password"
            errors={props.errors}
            required
          />
        ) : (
          ''
        )}
        <TextField
          path="newPassword"
          label={PASSWORD_LABELS.newPassword}
          hint={NEW_PASSWORD_HINT}
          type="password"
          autocomplete="new-password"
          errors={props.errors}
          required
        />
        <TextField
          path="newPasswordRepeat"
          label={PASSWORD_LABELS.newPasswordRepeat}
          type="password"
          autocomplete="new-password"
          errors={props.errors}
          required
        />
        <button class="utrecht-button utrecht-button--primary-action" type="submit" safe>
          {props.submit}
        </button>
      </form>
    </>
  );
}
