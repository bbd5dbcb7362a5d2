/** Escapes text for HTML (element content and quoted attributes). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A link in a mail: only http(s) addresses of the site are ever put in one. */
export interface MailLink {
  href: string;
  label: string;
}

export function htmlLink(link: MailLink): string {
  return `<a href="${escapeHtml(link.href)}" style="color:#0b5394">${escapeHtml(link.label)}</a>`;
}

/**
 * The HTML around a mail's body: one column, system fonts, inline styles only (mail clients
 * drop style sheets), no image, no script, nothing fetched from elsewhere. `body` is HTML
 * already escaped by the caller; `footer` lines are text and links.
 */
export function htmlDocument(title: string, body: string, footer: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="nl"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    '<div style="max-width:600px;margin:0 auto">',
    body,
    '<hr style="border:0;border-top:1px solid #cccccc;margin:24px 0">',
    ...footer.map((line) => `<p style="font-size:14px;color:#4d4d4d;margin:0 0 8px">${line}</p>`),
    '</div></body></html>',
  ].join('\n');
}
