import type { FormSection } from './form-schema';

/** The label of a field path for the error summary ("Leeruitkomst 2 — ESCO-vaardigheid"). */
export function fieldLabels(sections: FormSection[]) {
  const specs = sections.flatMap((section) => section.fields);
  return (path: string): string => {
    let list = specs;
    const words: string[] = [];
    const parts = path.split('.');
    for (let index = 0; index < parts.length; index++) {
      const rest = parts.slice(index).join('.');
      const spec = list.find(
        (candidate) => rest === candidate.path || rest.startsWith(candidate.path + '.'),
      );
      if (!spec) break;
      index += spec.path.split('.').length - 1;
      if (spec.type === 'list') {
        const entry = parts[index + 1];
        if (entry !== undefined && /^\d+$/.test(entry)) {
          words.push(`${spec.itemLabel} ${Number(entry) + 1}`);
          index++;
          list = spec.item;
          continue;
        }
        words.push(spec.label);
        break;
      }
      words.push(spec.label);
      if (spec.type === 'group') list = spec.fields;
      else break;
    }
    return words.length ? words.join(' — ') : 'Formulier';
  };
}
