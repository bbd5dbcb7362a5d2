import Html from '@kitajs/html';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { RETENTION_MONTHS, SENDER_KEY_HOURS } from '@bouwsteen/requests/pure';
import { MAIL_RECORD_DAYS } from '@bouwsteen/mail/pure';
import { SEARCH_LOG_RETENTION_DAYS } from '@bouwsteen/usage/pure';
import { count } from '../../format/format';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';

interface Kept {
  id: string;
  title: string;
  what: string;
  howLong: string;
  who: string;
}

const hours = (seconds: number) =>
  seconds % 3600 === 0
    ? count(seconds / 3600, 'uur', 'uur')
    : count(seconds / 60, 'minuut', 'minuten');

/**
 * /privacy: what Bouwsteen stores about people, for how long, who sees it and how to have it
 * removed — only what the code keeps today (the tables of migrations/ and the request log), with
 * the periods read from the same settings and rules the code uses.
 */
@Injectable()
export class PrivacyPage {
  constructor(
    private readonly site: SiteRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  render(page: PageContext): Promise<string> {
    const auth = this.config.auth;
    const contact = this.config.harvest.adminEmail;
    const kept: Kept[] = [
      {
        id: 'account',
        title: 'Uw account',
        what: 'Uw e-mailadres, naam, rol, organisatie en de PPS waarvan u lid bent; wanneer u voor het laatst inlogde. Uw wachtwoord alleen als onleesbare hash.',
        howLong:
          'Tot u het account verwijdert (Mijn account, Account verwijderen), of een beheerder dat doet. Een beheerder kan het ook alleen uitzetten: dan kunt u niet meer inloggen en vervallen al uw sessies en tokens, maar de gegevens blijven.',
        who: 'U zelf (Mijn account) en de beheerders van Bouwsteen. Uw naam staat nergens openbaar.',
      },
      {
        id: 'sessies',
        title: 'Inloggen en sessies',
        what: `Per browser waarmee u bent ingelogd: wanneer u begon, wanneer u hem laatst gebruikte en een korte naam van de browser. Persoonlijke API-tokens met hun naam en laatste gebruik (het token zelf alleen als hash). Per inlogpoging uw netwerkadres en e-mailadres, om raden van wachtwoorden tegen te gaan. Uitnodigings- en wachtwoordlinks.`,
        howLong: `Een sessie loopt af na ${hours(auth.sessionTtlSeconds)}, of eerder als u afmeldt; daarna wordt hij gewist. Een token tot u het intrekt. Een geslaagde inlogpoging wordt meteen gewist; een mislukte telt ${hours(Math.max(60, auth.loginWindowSeconds))} mee en wordt daarna bij een volgende inlogpoging op de site gewist. Een uitnodigingslink werkt ${count(auth.invitationLinkHours, 'uur', 'uur')}, een wachtwoordlink ${count(auth.resetLinkHours, 'uur', 'uur')}, en elk maar één keer.`,
        who: 'U zelf (Mijn account: uw browsers en tokens). Niemand anders.',
      },
      {
        id: 'instelling',
        title: 'Inloggen met uw instellingsaccount',
        what: 'Als u inlogt via uw school of organisatie: bij welke instelling, de code waarmee die instelling u aanwijst (geen wachtwoord), wanneer u het koppelde en laatst gebruikte. Uw naam en e-mailadres neemt Bouwsteen over in uw account.',
        howLong: 'Tot u de koppeling op Mijn account ontkoppelt of uw account verwijdert.',
        who: 'U zelf (Mijn account) en de beheerders van Bouwsteen.',
      },
      {
        id: 'e-mail',
        title: 'E-mail',
        what: 'Per soort bericht of u het per e-mail wilt (meteen, in een overzicht of niet). Berichten die nog verstuurd moeten worden; een uitnodigings- of wachtwoordlink daarin alleen versleuteld. Welke e-mail wanneer verstuurd is, om niet te veel te sturen.',
        howLong: `Uw keuzes zolang uw account bestaat. Een verstuurd of overgeslagen bericht en het overzicht van wat verstuurd is ${count(MAIL_RECORD_DAYS, 'dag', 'dagen')}.`,
        who: 'Alleen u (Mijn account, E-mailinstellingen).',
      },
      {
        id: 'lijsten',
        title: 'Lijsten en bewaarde zoekopdrachten',
        what: 'Uw lijsten van bouwstenen met uw notities, en zoekopdrachten die u bewaart, met of u meldingen van nieuwe bouwstenen wilt.',
        howLong: 'Tot u ze verwijdert of uw account verwijdert.',
        who: 'Alleen u. Een lijst die u deelt of openbaar maakt, ziet iedereen met de link; uw naam staat er niet bij.',
      },
      {
        id: 'gebruik',
        title: 'Gebruikscijfers',
        what: 'Hoe vaak een bouwsteen bekeken is en hoe vaak iemand doorklikte naar het materiaal, per dag; van welke website bezoekers kwamen (alleen de naam van de site). Zoekopdrachten op de zoekpagina: de woorden, de filters en het aantal resultaten, zonder wie zocht.',
        howLong: `De tellingen blijven, maar zeggen niet wie: om een bezoek of zoekende maar één keer per dag te tellen, bewaart Bouwsteen die dag een sleutel die met een geheim van die dag is gemaakt en na die dag met het geheim wordt gewist. Losse zoekopdrachten ${count(SEARCH_LOG_RETENTION_DAYS, 'dag', 'dagen')}; daarna alleen de totalen per dag.`,
        who: 'De cijfers per bouwsteen zien de projectleiders van de PPS van die bouwsteen en de beheerders; op de pagina van een bouwsteen ziet iedereen hoe vaak hij deze maand bekeken is. Wat er gezocht is (Rapportages, Zoekvragen) zien de beheerders en de projectleiders van alle PPS, opgeteld per dag en zonder wie zocht.',
      },
      {
        id: 'reviews',
        title: 'Reviews en meldingen over reviews',
        what: 'Wat u in uw review invult (gebruikt of gelezen, niveau, BOL of BBL, school of praktijk, drie scores en uw toelichting), gekoppeld aan uw account. Bij een melding over een review: de reden en wie meldde. Bij een reactie van een PPS: wie namens de PPS reageerde.',
        howLong:
          'Uw review tot u hem intrekt; met de review verdwijnen de reactie en de meldingen erover. Een PPS kan een gemelde review verbergen; die blijft dan bewaard en alleen u ziet hem nog.',
        who: 'Iedereen leest reviews, zonder naam van de schrijver. De PPS van de bouwsteen ziet de reden van een melding, niet wie meldde. Een reactie staat er als "Reactie van" de PPS, zonder naam.',
      },
      {
        id: 'aanvragen',
        title: 'Aanvragen van materiaal',
        what: 'Als u via een bouwsteen materiaal aanvraagt: uw naam, e-mailadres, organisatie en waarvoor u het wilt gebruiken. Om misbruik te beperken ook uw netwerkadres, alleen als versleutelde sleutel.',
        howLong: `${count(RETENTION_MONTHS, 'maand', 'maanden')} na het versturen wordt de aanvraag gewist. De sleutel van uw netwerkadres na ${count(SENDER_KEY_HOURS, 'uur', 'uur')}.`,
        who: 'De leden van de PPS die de aanvragen van die PPS lezen. Niet openbaar.',
      },
      {
        id: 'volgen',
        title: 'Volgen en meldingen',
        what: 'Welke bouwstenen en PPS u volgt, de meldingen die u daardoor in Bouwsteen krijgt (een nieuwe versie, een archivering, een review op een bouwsteen van uw PPS) en of u ze las. Webhooks die u instelt: het adres, en wanneer er iets naartoe ging.',
        howLong: 'Tot u ontvolgt of de webhook verwijdert; meldingen zolang uw account bestaat.',
        who: 'Alleen u. Een PPS ziet hoeveel mensen haar bouwstenen volgen, niet wie.',
      },
      {
        id: 'werk',
        title: 'Wat u maakt of wijzigt',
        what: 'Bij bouwstenen, hergebruik, imports en cursusvoorstellen: welk account ze aanmaakte, publiceerde of wijzigde. Een logboek van wijzigingen (wie, wat, wanneer).',
        howLong:
          'Zolang de bouwsteen, de cursus of het logboek bestaat. Verwijdert u uw account, dan blijft wat u voor een PPS of organisatie maakte, zonder dat het naar u verwijst; in het logboek staat dan "verwijderd account" in plaats van uw e-mailadres.',
        who: 'De beheerders van Bouwsteen (het logboek). Openbaar staat de PPS; welk account iets aanmaakte of wijzigde is nooit openbaar.',
      },
      {
        id: 'logboek',
        title: 'Het logboek van de server',
        what: 'Per verzoek aan de site: het pad, de namen van de parameters (nooit wat u intypte of zocht), de statuscode en alleen het netwerkdeel van uw adres. Geen cookies, geen formulierinhoud.',
        howLong: 'Zo lang als de beheerder van de server de logbestanden bewaart.',
        who: 'De beheerders van de server.',
      },
    ];
    return this.site.page(
      page,
      {
        title: 'Privacy',
        description:
          'Wat Bouwsteen over personen bewaart, hoe lang, wie het ziet en hoe u het laat verwijderen.',
        canonicalPath: '/privacy',
        section: 'privacy',
      },
      <>
        <h1 class="utrecht-heading-1">Privacy</h1>
        <p class="utrecht-paragraph">
          Bouwsteen bewaart zo weinig mogelijk over personen. Zoeken en lezen kan zonder account.
          Bouwsteen gebruikt alleen twee eigen cookies: één die u ingelogd houdt en één die
          formulieren beschermt. Er zijn geen advertenties en geen statistiekdiensten of scripts van
          andere partijen. Bouwsteen telt zelf, zonder te bewaren wie: hoe vaak elke bouwsteen
          bekeken wordt en wat er gezocht wordt (zie{' '}
          <a class="utrecht-link" href="#gebruik">
            Gebruikscijfers
          </a>
          ). Alleen de kaart laadt haar kaartbeelden van een kaartdienst; die ziet daarbij het adres
          van uw internetverbinding.
        </p>
        <nav aria-labelledby="privacy-inhoud">
          <h2 class="utrecht-heading-2" id="privacy-inhoud">
            Wat Bouwsteen bewaart
          </h2>
          <ul class="utrecht-unordered-list">
            {kept.map((item) => (
              <li>
                <a class="utrecht-link" href={`#${item.id}`} safe>
                  {item.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {kept.map((item) => (
          <section aria-labelledby={item.id} class="privacy-item">
            <h2 class="utrecht-heading-2" id={item.id} safe>
              {item.title}
            </h2>
            <dl class="privacy-facts">
              <dt>Wat</dt>
              <dd safe>{item.what}</dd>
              <dt>Hoe lang</dt>
              <dd safe>{item.howLong}</dd>
              <dt>Wie ziet het</dt>
              <dd safe>{item.who}</dd>
            </dl>
          </section>
        ))}
        <section aria-labelledby="verwijderen">
          <h2 class="utrecht-heading-2" id="verwijderen">
            Gegevens laten verwijderen
          </h2>
          <ul class="utrecht-unordered-list">
            <li>
              Uw reviews trekt u zelf in op de pagina met reviews van de bouwsteen. Uw browsers
              meldt u af en uw tokens trekt u in op{' '}
              <a class="utrecht-link" href="/mijn-account">
                Mijn account
              </a>
              .
            </li>
            <li>
              Een aanvraag van materiaal verdwijnt na{' '}
              {Html.escapeHtml(count(RETENTION_MONTHS, 'maand', 'maanden'))} vanzelf; eerder kan via
              de beheerder (hieronder).
            </li>
            <li>
              Uw account verwijdert u zelf op{' '}
              <a class="utrecht-link" href="/mijn-account/verwijderen">
                Mijn account, Account verwijderen
              </a>
              . Alles hierboven wat bij uw account hoort verdwijnt dan meteen: uw account, sessies,
              sleutels, gekoppelde instellingsaccounts, reviews en meldingen, lijsten,
              zoekopdrachten, volgen, meldingen, webhooks en e-mail. Kunt u niet meer inloggen? Mail
              dan de beheerder van Bouwsteen op{' '}
              <a class="utrecht-link" href={`mailto:${contact}`} safe>
                {contact}
              </a>
              .
            </li>
          </ul>
        </section>
      </>,
    );
  }
}
