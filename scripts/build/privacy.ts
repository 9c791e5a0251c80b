/**
 * The packaged privacy page: PRIVACY.md rendered to a static `privacy.html` when the extension is
 * built, so the policy has one text (the repository's) and the Options page can link to it without a
 * network request. The page has no script at all; its style is `privacy.css` beside it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// marked: a small, well-kept Markdown renderer; it runs only at build time and ships nothing.
import { marked } from 'marked';

export const PRIVACY_SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../PRIVACY.md');
export const PRIVACY_PAGE = 'privacy.html';

/** The whole HTML page for a Markdown policy. */
export function renderPrivacyPage(markdown = readFileSync(PRIVACY_SOURCE, 'utf8')): string {
  // Our own file, so its HTML is trusted; GitHub-flavoured for the tables.
  const body = marked.parse(markdown, { async: false, gfm: true });
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? 'Privacy';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="stylesheet" href="privacy.css" />
  </head>
  <body>
    <main>
${body}
    </main>
  </body>
</html>
`;
}
