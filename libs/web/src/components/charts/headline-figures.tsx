import Html from '@kitajs/html';
import type { HeadlineDto } from '@bouwsteen/reports';
import { formatDate, formatNumber } from '../../format/format';

function percent(share: number): string {
  return `${formatNumber(Math.round(share * 100))}%`;
}

/**
 * The four figures a funder reads first, as large numbers with their names, and what each one
 * counts exactly behind "Wat betekenen deze cijfers?" (the same definitions as the API's).
 * `whose` names the blocks counted: "van deze PPS", "van de PPS in Noord-Holland".
 */
export function HeadlineFigures(props: { headline: HeadlineDto; whose: string }): JSX.Element {
  const { headline } = props;
  const since = formatDate(headline.quarterStart);
  const figures = [
    { name: 'Gepubliceerde bouwstenen', value: formatNumber(headline.published) },
    {
      name: 'Keer hergebruikt door anderen',
      value: formatNumber(headline.reusedByOthers),
      // Reviews saying "gebruikt": declared by teachers, not recorded, so at least this many.
      // Said only when there are some: "en 0 keer" under every figure would be noise.
      note:
        headline.declaredUse > 0
          ? `en ${formatNumber(headline.declaredUse)} keer gebruik verklaard in reviews`
          : undefined,
    },
    {
      name: 'Deel van de bouwstenen hergebruikt',
      value: percent(headline.reusedShare),
      note: `${formatNumber(headline.blocksReused)} van ${formatNumber(headline.published)}`,
    },
    {
      name: 'Nieuw dit kwartaal',
      value: formatNumber(headline.newThisQuarter),
      note: `sinds ${since}`,
    },
  ];
  return (
    <section class="headline-figures" aria-labelledby="kerncijfers-titel">
      <h2 class="utrecht-heading-2" id="kerncijfers-titel">
        In het kort
      </h2>
      <dl class="headline-figures__list">
        {figures.map((figure) => (
          <div class="headline-figure">
            <dt class="headline-figure__name" safe>
              {figure.name}
            </dt>
            <dd class="headline-figure__value" safe>
              {figure.value}
            </dd>
            {figure.note ? (
              <dd class="headline-figure__note" safe>
                {figure.note}
              </dd>
            ) : (
              ''
            )}
          </div>
        ))}
      </dl>
      <details class="report-help">
        <summary>Wat betekenen deze cijfers?</summary>
        <dl class="report-help__list">
          <dt>Gepubliceerde bouwstenen</dt>
          <dd safe>
            {`De bouwstenen ${props.whose} die nu gepubliceerd zijn. Concepten en gearchiveerde bouwstenen tellen niet mee.`}
          </dd>
          <dt>Keer hergebruikt door anderen</dt>
          <dd>
            Hoe vaak een andere PPS of organisatie heeft vastgelegd dat zij een van deze bouwstenen
            hergebruikt. Een bouwsteen die door drie anderen is hergebruikt, telt drie keer.
          </dd>
          <dt>Gebruik verklaard in reviews</dt>
          <dd>
            Hoeveel reviews van docenten zeggen dat zij de bouwsteen gebruikt hebben (niet alleen
            gelezen). Dat is verklaard, niet vastgelegd: een ondergrens, want niet iedereen die iets
            gebruikt schrijft een review. Verborgen reviews tellen niet mee.
          </dd>
          <dt>Deel van de bouwstenen hergebruikt</dt>
          <dd>
            Hoeveel van de gepubliceerde bouwstenen minstens één keer door een andere PPS of
            organisatie zijn hergebruikt, als deel van alle gepubliceerde bouwstenen.
          </dd>
          <dt>Nieuw dit kwartaal</dt>
          <dd>
            {Html.escapeHtml(
              `De gepubliceerde bouwstenen die voor het eerst zijn gepubliceerd op of na ${since}, het begin van dit kwartaal.`,
            )}
          </dd>
        </dl>
      </details>
    </section>
  );
}
