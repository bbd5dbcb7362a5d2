import { ROLES, UserDto } from '@bouwsteen/auth';
import { FieldErrors } from '../../forms/field-errors';
import { CheckboxGroup, Option, SelectField } from '../../forms/fields';
import { RECORD_FIELD_LABELS, ROLE_LABELS } from '../../format/record-labels';
import { Form, ids, str } from './admin-form-values';

export const ROLE_OPTIONS: Option[] = ROLES.map((role) => ({
  value: role,
  label: ROLE_LABELS[role] ?? role,
}));

/** An account field's name in the error summary. */
export function userFieldLabel(path: string): string {
  return RECORD_FIELD_LABELS.account[path] ?? 'Formulier';
}

/** An account as its form shows it first. */
export function userValues(user: UserDto): Form {
  return {
    displayName: user.displayName,
    role: user.role,
    ppsIds: user.ppsIds,
    organisationId: user.organisationId ?? '',
    active: user.active ? 'ja' : 'nee',
  };
}

/** Role, PPS and organisation: what an account may do, and for whom. */
export function UserRoleFields(props: {
  values: Form;
  errors: FieldErrors;
  directory: Option[];
  organisations: Option[];
}): JSX.Element {
  return (
    <>
      <SelectField
        path="role"
        label="Rol"
        options={ROLE_OPTIONS}
        value={str(props.values.role)}
        errors={props.errors}
        required
      />
      <CheckboxGroup
        path="ppsIds"
        label="PPS (voor projectleiders)"
        options={props.directory}
        values={ids(props.values.ppsIds)}
        errors={props.errors}
        columns
      />
      <SelectField
        path="organisationId"
        label="Organisatie (voor LLO-loketten)"
        options={props.organisations}
        value={str(props.values.organisationId)}
        empty="Geen"
        errors={props.errors}
      />
    </>
  );
}
