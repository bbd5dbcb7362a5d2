import { mailtoHref } from '../../format/format';
import type { AssetPageData } from './asset-view';
import { assetPath } from '../../components/asset-card';
import { ContactRole } from '../../components/contact-role';
import { safeUrl } from '../../components/facts';

/** The side column of a building-block page: its licence with the attribution to copy, and whom to ask. */
export function Licence(data: AssetPageData): JSX.Element {
  const { licence, asset } = data;
  return (
    <section aria-labelledby="licentie-titel">
      <h2 class="utrecht-heading-3" id="licentie-titel">
        Licentie en naamsvermelding
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
      <div class="attribution">
        <label class="utrecht-form-label" for={`naamsvermelding-${asset.id}`}>
          Naamsvermelding om te kopiëren
        </label>
        <textarea
          class="utrecht-textarea attribution__text"
          id={`naamsvermelding-${asset.id}`}
          readonly
          rows="7"
          safe
        >
          {licence.attribution}
        </textarea>
        <p class="utrecht-paragraph no-print">
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            data-copy-target={`naamsvermelding-${asset.id}`}
            data-copy-status="kopieer-status"
            hidden
          >
            Kopieer naamsvermelding
          </button>
          <span id="kopieer-status" class="copy-status" role="status"></span>
        </p>
      </div>
    </section>
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
