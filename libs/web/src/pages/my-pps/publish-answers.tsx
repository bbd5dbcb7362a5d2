import Html from '@kitajs/html';
import { FieldCode, type FieldError } from '@bouwsteen/common/pure';
import { inDutch } from '@bouwsteen/taxonomy/pure';
import { fieldId } from '../../forms/field-errors';
import type { LabelBook } from '../../format/labels';
import { flatten } from '../../forms/asset-form/content-diff';
import type { FormSection } from '../../forms/asset-form/form-schema';

/** Where the editor shows one field: "Wijzigen" and "Aanvullen" return the person there. */
function fieldHref(id: string, path: string): string {
  return `/mijn-pps/bouwstenen/${id}#${fieldId(path)}`;
}

/** Problems with one entry of a list of blocks: the list is where the editor shows them. */
const LIST_ENTRY_CODES: ReadonlySet<string> = new Set([
  FieldCode.ReferenceNotPublished,
  FieldCode.ReferenceArchived,
]);

function fieldOf(problem: FieldError): string {
  return LIST_ENTRY_CODES.has(problem.code) ? problem.field.replace(/\.\d+$/, '') : problem.field;
}

/**
 * What publishing still needs, each a link to its field in the editor. Shown above the
 * answers; while it is there, the page offers no publish button.
 */
export function MissingAnswers({
  id,
  problems,
  labelOf,
}: {
  id: string;
  problems: FieldError[];
  labelOf: (path: string) => string;
}): JSX.Element {
  return (
    <div class="utrecht-alert utrecht-alert--warning" role="status">
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2" id="ontbreekt-titel">
          Nog nodig om te publiceren
        </h2>
        <p class="utrecht-paragraph">Het concept is bewaard. Vul dit aan, dan kunt u publiceren:</p>
        <ul class="utrecht-unordered-list" aria-labelledby="ontbreekt-titel">
          {problems.map((problem) => (
            <li>
              <a class="utrecht-link" href={fieldHref(id, fieldOf(problem))}>
                {Html.escapeHtml(labelOf(fieldOf(problem)))}
              </a>
              {/* A missing answer is said by its label; any other reason is worded. */}
              {problem.code === FieldCode.NeededToPublish
                ? ''
                : Html.escapeHtml(`: ${inDutch(problem)}`)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * Every answer of the draft, grouped as the form is, each with "Wijzigen" that opens the
 * editor at that field (a GOV.UK "check your answers" page).
 */
export function AnswersSummary({
  id,
  sections,
  content,
  labels,
  titles,
}: {
  id: string;
  sections: FormSection[];
  content: unknown;
  labels: LabelBook;
  titles: Map<string, string>;
}): JSX.Element {
  return (
    <>
      {sections.map((section) => {
        const rows = flatten(section.fields, content, labels, titles).filter(
          (row) => row.text.trim() !== '',
        );
        const heading = `antwoorden-${section.id}`;
        return (
          <section aria-labelledby={heading}>
            <h2 class="utrecht-heading-2" id={heading} safe>
              {section.title}
            </h2>
            {rows.length === 0 ? (
              <p class="utrecht-paragraph">Nog niets ingevuld.</p>
            ) : (
              <dl class="answers">
                {rows.map((row) => (
                  <div class="answers__row">
                    <dt safe>{row.label}</dt>
                    <dd class="answers__value" safe>
                      {row.text}
                    </dd>
                    <dd class="answers__action">
                      <a class="utrecht-link" href={fieldHref(id, row.key)}>
                        Wijzigen<span class="visually-hidden" safe>{` ${row.label}`}</span>
                      </a>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        );
      })}
    </>
  );
}
