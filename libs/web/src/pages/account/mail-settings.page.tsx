import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { Principal } from '@bouwsteen/auth';
import { MailPreferencesService } from '@bouwsteen/mail';
import {
  DIGEST_FREQUENCIES,
  DigestFrequency,
  FREQUENCY_LABELS,
  MAIL_MODES,
  MAIL_TYPE_CATALOGUE,
  MODE_LABELS,
  MailMode,
  MailType,
} from '@bouwsteen/mail/pure';
import { StatusNotice } from '../../components/status-notice';
import { FormTokenField } from '../../forms/form-token';
import type { PageContext } from '../../http/page-context';
import { PageAnswer } from '../../http/page-answer';
import { SiteRenderer } from '../../layout/site-renderer';

/** The form's field names: `soort-<type>` per mail type, `overzicht` for the frequency. */
const typeField = (type: string) => `soort-${type}`;
const FREQUENCY_FIELD = 'overzicht';

function RadioChoice(props: {
  name: string;
  value: string;
  label: string;
  checked: boolean;
}): JSX.Element {
  const id = `${props.name}-${props.value}`;
  return (
    <li>
      <input
        class="utrecht-radio-button utrecht-radio-button--html-input"
        type="radio"
        id={id}
        name={props.name}
        value={props.value}
        checked={props.checked}
      />
      <label class="utrecht-form-label utrecht-form-label--radio" for={id} safe>
        {props.label}
      </label>
    </li>
  );
}

/**
 * /mijn-account/e-mail: per mail type off, in the overview (the default) or at once, and how
 * often the overview comes. The same service as GET/PUT /api/v1/me/mail-preferences; a plain
 * form, no script needed.
 */
@Injectable()
export class MailSettingsPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly preferences: MailPreferencesService,
  ) {}

  async render(page: PageContext, principal: Principal, message?: string): Promise<string> {
    const settings = await this.preferences.get(principal.userId);
    return this.site.page(
      page,
      {
        title: 'E-mailinstellingen',
        description: 'Kies welke e-mail u van Bouwsteen krijgt, en hoe vaak.',
        canonicalPath: '/mijn-account/e-mail',
        section: 'account',
        noindex: true,
      },
      <div class="site-narrow">
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/mijn-account">
            Mijn account
          </a>
        </p>
        <h1 class="utrecht-heading-1">E-mailinstellingen</h1>
        <StatusNotice text={message} />
        {settings.mailEnabled ? (
          ''
        ) : (
          <p class="utrecht-paragraph">
            Deze installatie van Bouwsteen verstuurt nu geen e-mail. Uw keuzes worden bewaard en
            gelden zodra e-mail aan staat.
          </p>
        )}
        <p class="utrecht-paragraph">
          Kies per soort bericht: geen e-mail, in het overzicht (één e-mail met alles bij elkaar) of
          direct een e-mail. Elke e-mail heeft onderaan een link om die soort uit te zetten.
        </p>
        <form method="post" action="/mijn-account/e-mail" class="site-form">
          <FormTokenField page={page} />
          {settings.types.map((setting) => (
            <TypeChoice type={setting.type} mode={setting.mode} />
          ))}
          <fieldset class="utrecht-form-fieldset site-choices">
            <legend class="utrecht-form-fieldset__legend">Hoe vaak komt het overzicht?</legend>
            <ul class="site-choices__list">
              {DIGEST_FREQUENCIES.map((frequency) => (
                <RadioChoice
                  name={FREQUENCY_FIELD}
                  value={frequency}
                  label={FREQUENCY_LABELS[frequency]}
                  checked={settings.digestFrequency === frequency}
                />
              ))}
            </ul>
          </fieldset>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Opslaan
          </button>
        </form>
      </div>,
    );
  }

  /** Saves what the form holds; a value that is not one of the choices is left as it was. */
  async submit(principal: Principal, body: Record<string, unknown>): Promise<PageAnswer> {
    const types = Object.keys(MAIL_TYPE_CATALOGUE)
      .map((type) => ({ type: type as MailType, mode: body[typeField(type)] }))
      .filter((entry): entry is { type: MailType; mode: MailMode } =>
        (MAIL_MODES as readonly unknown[]).includes(entry.mode),
      );
    const frequency = (DIGEST_FREQUENCIES as readonly unknown[]).includes(body[FREQUENCY_FIELD])
      ? (body[FREQUENCY_FIELD] as DigestFrequency)
      : undefined;
    await this.preferences.update(principal.userId, { digestFrequency: frequency, types });
    return { redirect: '/mijn-account/e-mail?melding=opgeslagen' };
  }
}

function TypeChoice(props: { type: MailType; mode: MailMode }): JSX.Element {
  const entry = MAIL_TYPE_CATALOGUE[props.type];
  const hintId = `${typeField(props.type)}-uitleg`;
  return (
    <fieldset class="utrecht-form-fieldset site-choices" aria-describedby={hintId}>
      <legend class="utrecht-form-fieldset__legend">{Html.escapeHtml(entry.label)}</legend>
      <p class="utrecht-form-field-description" id={hintId} safe>
        {entry.hint}
      </p>
      <ul class="site-choices__list">
        {MAIL_MODES.map((mode) => (
          <RadioChoice
            name={typeField(props.type)}
            value={mode}
            label={MODE_LABELS[mode]}
            checked={props.mode === mode}
          />
        ))}
      </ul>
    </fieldset>
  );
}
