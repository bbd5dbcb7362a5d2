import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { AssetError, AssetsService } from '@bouwsteen/assets';
import { NotFoundError } from '@bouwsteen/common';
import { assetPath } from '../../components/asset-card';
import { Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { ChangeTable, changes } from '../../forms/asset-form/content-diff';
import { formSections } from '../../forms/asset-form/form-schema';
import { contentOfAsset } from '../../forms/asset-form/editable-asset';

function versionNumber(value: unknown, fallback: number): number {
  return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : fallback;
}

/**
 * /bouwstenen/:id/verschillen?van=1&naar=2: two versions field by field, text changes marked.
 * Whoever may read both versions may compare them (drafts only for their PPS, as everywhere).
 */
@Injectable()
export class VersionDiffPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly assets: AssetsService,
  ) {}

  async render(page: PageContext, id: string, from: unknown, to: unknown): Promise<string> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError(AssetError.NotFound, 'asset', id);
    const current = await this.assets.get(page.principal, id);
    const last = current.latestVersion;
    const newer = Math.min(versionNumber(to, last), last);
    const older = Math.min(versionNumber(from, newer - 1), newer);
    const [a, b, labels] = await Promise.all([
      this.assets.version(page.principal, id, Math.max(older, 1)),
      this.assets.version(page.principal, id, newer),
      this.labels.book(),
    ]);
    const rows = changes(
      formSections(current.kind),
      contentOfAsset(a),
      contentOfAsset(b),
      labels,
      new Map(),
    );
    const numbers = Array.from({ length: last }, (_, index) => index + 1);
    return this.site.page(
      page,
      {
        title: `Verschillen: ${current.title}`,
        description: `Versie ${a.version.number} en ${b.version.number} naast elkaar.`,
        canonicalPath: `/bouwstenen/${id}/verschillen?van=${a.version.number}&naar=${b.version.number}`,
        section: 'zoeken',
        noindex: true,
      },
      <>
        <nav aria-label="Kruimelpad">
          <ol class="breadcrumb-list">
            <li>
              <a class="utrecht-link" href={assetPath(id)} safe>
                {current.title}
              </a>
            </li>
          </ol>
        </nav>
        <h1 class="utrecht-heading-1" safe>{`Wat is er veranderd: ${current.title}`}</h1>
        <form
          method="get"
          action={`/bouwstenen/${id}/verschillen`}
          class="site-form site-form__row"
        >
          <VersionSelect name="van" label="Van versie" numbers={numbers} value={a.version.number} />
          <VersionSelect
            name="naar"
            label="Naar versie"
            numbers={numbers}
            value={b.version.number}
          />
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            Vergelijk
          </button>
        </form>
        {b.version.changeNote ? (
          <p class="utrecht-paragraph">
            <strong>{Html.escapeHtml(`Toelichting bij versie ${b.version.number}: `)}</strong>
            {Html.escapeHtml(b.version.changeNote)}
          </p>
        ) : (
          ''
        )}
        <h2 class="utrecht-heading-2" id="verschillen-titel">
          {Html.escapeHtml(`Versie ${a.version.number} → versie ${b.version.number}`)}
        </h2>
        <ChangeTable rows={rows} labelledBy="verschillen-titel" />
      </>,
    );
  }
}

function VersionSelect(props: {
  name: string;
  label: string;
  numbers: number[];
  value: number;
}): JSX.Element {
  return (
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for={`versie-${props.name}`} safe>
        {props.label}
      </label>
      <select
        class="utrecht-select utrecht-select--html-select"
        id={`versie-${props.name}`}
        name={props.name}
      >
        {props.numbers.map((number) => (
          <option value={String(number)} selected={number === props.value}>
            {number}
          </option>
        ))}
      </select>
    </div>
  );
}
