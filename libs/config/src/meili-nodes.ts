/**
 * MEILI_NODE_URLS: further Meilisearch nodes (comma-separated), each a full copy of the index
 * that the worker feeds; the API reads from MEILI_URL first and from these when it fails.
 */
export function meiliNodeUrls(
  env: Record<string, string | undefined>,
  problems: string[],
): string[] {
  const urls = (env.MEILI_NODE_URLS ?? '')
    .split(',')
    .map((raw) => raw.trim().replace(/\/$/, ''))
    .filter(Boolean);
  // Origins only: reads and writes reach a node at its root, so a path would split them.
  for (const raw of urls)
    if (!URL.canParse(raw) || !['http:', 'https:'].includes(new URL(raw).protocol))
      problems.push(`MEILI_NODE_URLS must list http(s) URLs (got "${raw}")`);
    else if (new URL(raw).origin !== raw)
      problems.push(`MEILI_NODE_URLS must list origins without a path (got "${raw}")`);
  const main = (env.MEILI_URL ?? '').replace(/\/$/, '');
  if (new Set([main, ...urls]).size !== urls.length + 1)
    problems.push('MEILI_NODE_URLS must not repeat a node or MEILI_URL');
  if (urls.length > 8) problems.push('MEILI_NODE_URLS may list at most 8 nodes');
  return urls;
}
