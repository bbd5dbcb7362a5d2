import type { CodeNames } from '@bouwsteen/qualifications';
import { assetPath } from '../../components/asset-card';
import { formatNumber } from '../../format/format';
import {
  dossierName,
  electiveName,
  electivePath,
  levelText,
  qualificationName,
  qualificationPath,
} from '../qualifications/qualification-parts';

/**
 * What the crebo and keuzedeel codes of a block mean: SBB's names from the imported
 * qualification structure and, for a keuzedeel the structure does not know (none imported
 * yet, or an expired code), a published module that carries it.
 */
export interface QualificationNames {
  crebos: CodeNames['crebos'];
  electives: CodeNames['electives'];
  modules: Map<string, { assetId: string; title: string }>;
}

export const NO_NAMES: QualificationNames = {
  crebos: new Map(),
  electives: new Map(),
  modules: new Map(),
};

/**
 * Crebo codes as qualifications, never bare codes where a name is known: a qualification
 * links to its page, a dossier to the qualifications in it; a code the structure does not
 * know stays the code, unlinked. The code stays readable for machines in data-crebo.
 */
export function Crebos(props: {
  codes: readonly string[];
  names: QualificationNames;
}): JSX.Element {
  return (
    <ul class="plain-list">
      {props.codes.map((code) => {
        const name = props.names.crebos.get(code);
        if (!name) return <li data-crebo={code} safe>{`Crebo ${code}`}</li>;
        const note = name.dossier
          ? `kwalificatiedossier, crebo ${code}`
          : [`crebo ${code}`, levelText(name.level)].filter(Boolean).join(', ');
        const href = name.dossier
          ? `/kwalificaties?q=${encodeURIComponent(code)}`
          : qualificationPath(code);
        return (
          <li data-crebo={code}>
            <a class="utrecht-link" href={href} safe>
              {name.dossier ? dossierName(name.title, code) : qualificationName(name.title, code)}
            </a>{' '}
            <span class="site-muted" safe>{`(${note})`}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Keuzedelen with their names, never a bare code where one is known: "K0771 Installeren en
 * onderhouden van warmtepompen" linked to the keuzedeel's page. A code the structure does not
 * know is named by a module that carries it (linked, unless that is this very page), else said
 * plainly to have none. The code stays readable for machines in data-keuzedeel.
 */
export function Electives(props: {
  codes: readonly string[];
  names: QualificationNames;
  /** This page's block: a module names an unknown keuzedeel by its own title. */
  self?: { id: string; title: string };
}): JSX.Element {
  return (
    <ul class="plain-list">
      {props.codes.map((code) => {
        const known = props.names.electives.get(code);
        if (known)
          return (
            <li data-keuzedeel={code}>
              <a class="utrecht-link" href={electivePath(code)} safe>
                {electiveName(known.title, code)}
              </a>
              {known.studyLoadSbu === null ? (
                ''
              ) : (
                <span class="site-muted" safe>{` (${formatNumber(known.studyLoadSbu)} sbu)`}</span>
              )}
            </li>
          );
        const module =
          props.names.modules.get(code) ??
          (props.self ? { assetId: props.self.id, title: props.self.title } : undefined);
        if (!module)
          return (
            <li data-keuzedeel={code} safe>{`Keuzedeel ${code} (nog geen module in Bouwsteen)`}</li>
          );
        if (module.assetId === props.self?.id)
          return <li data-keuzedeel={code} safe>{`${code} ${module.title}`}</li>;
        return (
          <li data-keuzedeel={code}>
            <a class="utrecht-link" href={assetPath(module.assetId)} safe>
              {`${code} ${module.title}`}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
