import { STATUS_CODES } from 'node:http';
import { CataloguedProblem } from '@bouwsteen/common';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A short page for a person who follows a problem's `type` link. */
export function renderProblemPage(problem: CataloguedProblem): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(problem.title)} – Bouwsteen API problems</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222;line-height:1.5}code{background:#f2f2f2;padding:0 .2em}</style>
</head>
<body>
<main>
<h1>${escape(problem.title)}</h1>
<p>Code <code>${escape(problem.code)}</code> · HTTP ${problem.status} ${escape(STATUS_CODES[problem.status] ?? '')}</p>
<p>${escape(problem.description)}</p>
<p>Every error of the Bouwsteen API is an RFC 9457 problem (<code>application/problem+json</code>) whose <code>detail</code> says what happened this time and whose <code>requestId</code> identifies the request. <a href="/problems">All problem codes</a> · <a href="/docs">API documentation</a></p>
</main>
</body>
</html>
`;
}
