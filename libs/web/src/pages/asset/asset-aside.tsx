import { isOpenLicense } from '@bouwsteen/assets/pure';
import { mailtoHref } from '../../format/format';
import type { AssetPageData } from './asset-view';
import { assetPath } from '../../components/asset-card';
import { ContactRole } from '../../components/contact-role';
import { safeUrl } from '../../components/facts';

/**
 * Whether the page offers the attribution to copy: only when the licence lets anyone reuse the
 * material without asking (the licence rules of libs/assets), not for all rights reserved.
 */
function offersAttribution(data: AssetPageData): boolean {
  return !!data.asset.license && isOpenLicense(data.asset.license);
}

/**
 * The side column of a building-block page: its licence, with the attribution to copy where
 * the licence allows reuse, and whom to ask.
 */
export function Licence(data: AssetPageData): JSX.Element {
  const { licence, asset } = data;
  const attribution = offersAttribution(data);
  return (
    <section aria-labelledby="licentie-titel">
      <h2 class="utrecht-heading-3" id="licentie-titel">
        {attribution ? 'Licentie en naamsvermelding' : 'Licentie'}
      </h2>
      <p class="utrecht-paragraph">
        {licence.url ? (
          <a class="utrecht-link" href={licence.url} rel="license" safe>
            {licence.label}
          </a>
        ) : (
          <strong safe>{licence.label}</strong>
        )}
      </p>
      <ul class="utrecht-unordered-list">
        {licence.explanation.map((line) => (
          <li safe>{line}</li>
        ))}
      </ul>
      {attribution ? <Attribution id={asset.id} text={licence.attribution} /> : ''}
    </section>
  );
}

/** The attribution in a box to select, and (with JavaScript and a clipboard) a button to copy it. */
function Attribution(props: { id: string; text: string }): JSX.Element {
  return (
    <div class="attribution">
      <label class="utrecht-form-label" for={`naamsvermelding-${props.id}`}>
        Naamsvermelding om te kopiëren
      </label>
      <textarea
        class="utrecht-textarea attribution__text"
        id={`naamsvermelding-${props.id}`}
        readonly
        rows="7"
        safe
      >
        {props.text}
      </textarea>
      <p class="utrecht-paragraph no-print attribution__actions">
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          data-copy-target={`naamsvermelding-${props.id}`}
          data-copy-status="kopieer-status"
          hidden
        >
          Kopieer naamsvermelding
        </button>
        <span id="kopieer-status" class="copy-status" role="status"></span>
      </p>
    </div>
  );
}

export function Contact(data: AssetPageData): JSX.Element {
  const { asset, pps, lead } = data;
  const website = safeUrl(pps.website);
  const leadWebsite = safeUrl(lead?.website);
  return (
    <section aria-labelledby="contact-titel">
      <h2 class="utrecht-heading-3" id="contact-titel">
        PPS en contact
      </h2>
      {!data.receives ? (
        <p class="utrecht-paragraph">Deze PPS ontvangt nog geen verzoeken via Bouwsteen.</p>
      ) : (data.current ?? asset).status === 'archived' ? (
        <ContactRole ppsName={pps.name} href={`/pps/${pps.id}/vraag`} linkText="Stel een vraag" />
      ) : (
        <ContactRole
          ppsName={pps.name}
          href={`${assetPath(asset.id)}/aanvragen`}
          linkText="Stuur een verzoek"
        />
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/pps/${pps.id}`} safe>
          {pps.name}
        </a>
        {website ? (
          <>
            <br />
            <a class="utrecht-link" href={website} rel="noopener">
              Website van de PPS
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <p class="utrecht-paragraph">
        Penvoerder: <span safe>{pps.leadInstitution.name}</span>
        {leadWebsite ? (
          <>
            <br />
            <a class="utrecht-link" href={leadWebsite} rel="noopener">
              Website van de penvoerder
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      {asset.contacts?.length ? (
        <ul class="plain-list contact-list">
          {asset.contacts.map((contact) => (
            <li>
              <strong safe>{contact.role}</strong>
              {contact.name ? <span safe>{`: ${contact.name}`}</span> : ''}
              {contact.email ? (
                <>
                  <br />
                  <a class="utrecht-link" href={mailtoHref(contact.email)} safe>
                    {contact.email}
                  </a>
                </>
              ) : (
                ''
              )}
              {contact.phone ? (
                <>
                  <br />
                  <a class="utrecht-link" href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`} safe>
                    {contact.phone}
                  </a>
                </>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </section>
  );
}
