import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { SearchService, type SearchHitDto, type SearchResultDto } from '@bouwsteen/search';
import { assetPath } from '../../components/asset-card';
import { Pagination } from '../../components/pagination';
import { count, formatKm } from '../../format/format';
import { KIND_ORDER, LabelBook, Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { searchQuery } from '../search-queries';
import { PLACES } from '../../places/places';

const RADII_KM = [10, 25, 50, 100] as const;

const PAGE_SIZE = 50;
const DEFAULT_KINDS = ['infrastructure'];

interface MapState {
  kinds: string[];
  place?: (typeof PLACES)[number];
  radiusKm: number;
  page: number;
}

function strings(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((item): item is string => typeof item === 'string');
}

/** Reads /kaart's URL; anything it does not know falls back to the default. */
export function parseMapState(raw: Record<string, unknown>): MapState {
  const kinds = strings(raw.soort).filter((kind) =>
    (KIND_ORDER as readonly string[]).includes(kind),
  );
  const place = PLACES.find((item) => item.key === strings(raw.plaats)[0]);
  const radius = Number(strings(raw.straal)[0]);
  const page = Number(strings(raw.pagina)[0] ?? '1');
  return {
    kinds: kinds.length ? [...new Set(kinds)] : DEFAULT_KINDS,
    place,
    radiusKm: (RADII_KM as readonly number[]).includes(radius) ? radius : 25,
    page: Number.isInteger(page) && page >= 1 && page <= 200 ? page : 1,
  };
}

export function mapHref(state: MapState): string {
  const params = new URLSearchParams();
  for (const kind of state.kinds) params.append('soort', kind);
  if (state.place) {
    params.set('plaats', state.place.key);
    params.set('straal', String(state.radiusKm));
  }
  if (state.page > 1) params.set('pagina', String(state.page));
  return `/kaart?${params.toString()}`;
}

/**
 * /kaart: building blocks with a place, on a Leaflet map and — the same results — as a list
 * that works without JavaScript, for keyboards and screen readers, and when tiles fail.
 */
@Injectable()
export class MapPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly search: SearchService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async render(page: PageContext, raw: Record<string, unknown>): Promise<string> {
    const state = parseMapState(raw);
    const [labels, result] = await Promise.all([
      this.labels.book(),
      this.search.searchWithFacetCounts(
        searchQuery({
          located: true,
          kind: state.kinds,
          facets: ['kind'],
          ...(state.place
            ? {
                lat: state.place.lat,
                lng: state.place.lng,
                radiusKm: state.radiusKm,
                sort: 'distance',
              }
            : { sort: 'title' }),
          pageNumber: state.page,
          pageSize: PAGE_SIZE,
        }),
      ),
    ]);
    const located = result.hits.filter((hit) => hit.location);
    return this.site.page(
      page,
      {
        title: state.place ? `Kaart: rond ${state.place.name}` : 'Kaart van praktijkomgevingen',
        description:
          'Praktijkomgevingen en infrastructuur van de mbo-PPS in Noord-Holland en Flevoland op de kaart.',
        canonicalPath: mapHref(state),
        section: 'kaart',
        styles: ['leaflet.css'],
        scripts: ['leaflet.js', 'kaart.js'],
        data: {
          id: 'kaart-data',
          value: {
            tiles: {
              url: this.config.web.mapTileUrl,
              attribution: this.config.web.mapTileAttribution,
            },
            places: located.map((hit) => ({
              id: hit.id,
              title: hit.title,
              kind: hit.kind,
              kindLabel: labels.kind(hit.kind),
              pps: hit.pps.name,
              lat: hit.location!.lat,
              lng: hit.location!.lng,
              url: assetPath(hit.id),
            })),
            circle: state.place
              ? { lat: state.place.lat, lng: state.place.lng, radiusKm: state.radiusKm }
              : undefined,
          },
        },
      },
      <MapContent
        state={state}
        result={result}
        hits={located}
        labels={labels}
        attribution={this.config.web.mapTileAttribution}
      />,
    );
  }
}

function MapContent(props: {
  state: MapState;
  result: SearchResultDto;
  hits: SearchHitDto[];
  labels: LabelBook;
  attribution: string;
}): JSX.Element {
  const { state, result, hits, labels } = props;
  const kindCounts = result.facets.kind ?? {};
  // Operator configuration (MAP_TILE_ATTRIBUTION), not visitor input: it may hold a link.
  const safeAttribution = props.attribution;
  return (
    <>
      <h1 class="utrecht-heading-1">Praktijkomgevingen op de kaart</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        Waar studenten, docenten en werkenden kunnen leren en werken: leer-werkplaatsen, labs en
        innovatiecentra van de PPS.
      </p>
      <form class="map-filters" method="get" action="/kaart" aria-label="Kaart filteren">
        <fieldset class="facet">
          <legend>Soort</legend>
          <ul>
            {KIND_ORDER.filter((kind) => kindCounts[kind] || state.kinds.includes(kind)).map(
              (kind) => (
                <li>
                  <input
                    class="utrecht-checkbox utrecht-checkbox--html-input"
                    type="checkbox"
                    id={`kaart-soort-${kind}`}
                    name="soort"
                    value={kind}
                    checked={state.kinds.includes(kind)}
                  />
                  <label for={`kaart-soort-${kind}`} safe>
                    {`${labels.kind(kind)} (${kindCounts[kind] ?? 0})`}
                  </label>
                </li>
              ),
            )}
          </ul>
        </fieldset>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="kaart-plaats">
            In de buurt van
          </label>
          <select
            class="utrecht-select utrecht-select--html-select"
            id="kaart-plaats"
            name="plaats"
          >
            <option value="" selected={!state.place}>
              Overal
            </option>
            {PLACES.map((place) => (
              <option value={place.key} selected={state.place?.key === place.key} safe>
                {place.name}
              </option>
            ))}
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="kaart-straal">
            Binnen
          </label>
          <select
            class="utrecht-select utrecht-select--html-select"
            id="kaart-straal"
            name="straal"
          >
            {RADII_KM.map((radius) => (
              <option value={String(radius)} selected={state.radiusKm === radius} safe>
                {`${radius} km`}
              </option>
            ))}
          </select>
        </div>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Toon
        </button>
      </form>
      <p id="kaart-melding" class="utrecht-paragraph map-note" role="status" hidden></p>
      <div
        id="kaart"
        class="map no-print"
        role="region"
        aria-label="Kaart. Dezelfde plaatsen staan in de lijst onder de kaart."
        hidden
      ></div>
      <p class="site-muted map-note">Kaartgegevens: {safeAttribution}</p>
      <section aria-labelledby="lijst-titel">
        <h2 class="utrecht-heading-2" id="lijst-titel" safe>
          {state.place
            ? `${count(result.totalHits, 'plaats', 'plaatsen')} binnen ${state.radiusKm} km van ${state.place.name}`
            : count(result.totalHits, 'plaats', 'plaatsen')}
        </h2>
        {hits.length ? (
          <ol class="utrecht-ordered-list place-list">
            {hits.map((hit) => (
              <li id={`plaats-${hit.id}`}>
                <a class="utrecht-link" href={assetPath(hit.id)} safe>
                  {hit.title}
                </a>
                <span class="site-muted" safe>
                  {` — ${labels.kind(hit.kind)} van ${hit.pps.name}${hit.distanceMeters !== undefined ? `, ${formatKm(hit.distanceMeters)}` : ''}`}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p class="utrecht-paragraph">
            {state.place
              ? 'Geen plaatsen binnen deze afstand. Kies een grotere afstand of een andere plaats.'
              : 'Er zijn nog geen plaatsen.'}
          </p>
        )}
        <Pagination
          current={state.page}
          total={Math.min(result.totalPages, 200)}
          href={(n) => mapHref({ ...state, page: n })}
          label="Pagina's met plaatsen"
        />
      </section>
    </>
  );
}
