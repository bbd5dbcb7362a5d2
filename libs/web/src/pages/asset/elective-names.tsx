import { assetPath } from '../../components/asset-card';

/** A keuzedeel code's name in the registry: a published module that carries the code. */
export type ElectiveNames = Map<string, { assetId: string; title: string }>;

/**
 * Keuzedelen with their names, never a bare code: "K0771 Installeren en onderhouden van
 * warmtepompen", linked to the module that carries it (unless that is this very page). The
 * code stays readable for machines in data-keuzedeel.
 */
export function Electives(props: {
  codes: readonly string[];
  names: ElectiveNames;
  /** This page's block: a module names its own keuzedeel by its own title. */
  self?: { id: string; title: string };
}): JSX.Element {
  const named = props.codes.map((code) => {
    const name =
      props.names.get(code) ??
      (props.self ? { assetId: props.self.id, title: props.self.title } : undefined);
    return { code, name };
  });
  return (
    <ul class="plain-list">
      {named.map(({ code, name }) => (
        <li data-keuzedeel={code}>
          {!name ? (
            <span safe>{`Keuzedeel ${code} (nog geen module in Bouwsteen)`}</span>
          ) : name.assetId === props.self?.id ? (
            <span safe>{`${code} ${name.title}`}</span>
          ) : (
            <a class="utrecht-link" href={assetPath(name.assetId)} safe>
              {`${code} ${name.title}`}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
