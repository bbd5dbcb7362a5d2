/** Ids of other building blocks the content refers to (shown by title in the form). */
export function collectAssetRefs(value: Record<string, unknown>): string[] {
  const ids: unknown[] = [];
  const module = value.module as { prerequisites?: { moduleIds?: unknown[] } } | undefined;
  const curriculum = value.curriculum as { moduleIds?: unknown[] } | undefined;
  const infrastructure = value.infrastructure as { usedByIds?: unknown[] } | undefined;
  ids.push(
    ...(module?.prerequisites?.moduleIds ?? []),
    ...(curriculum?.moduleIds ?? []),
    ...(infrastructure?.usedByIds ?? []),
  );
  return ids.filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id));
}
