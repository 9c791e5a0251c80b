/** The store listing's pieces: pictures at the sizes the stores take, and one short description. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLocales } from '../../scripts/build/locales';

const pngSize = (file: string) => {
  const png = readFileSync(file);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};

describe('docs/store', () => {
  const files = readdirSync('docs/store').filter((f) => f.endsWith('.png'));

  it('holds the four screenshots (sidebar, options, note at a post, side panel) and the promo tile', () => {
    expect(files.sort()).toEqual(['promo-440x280.png', 'store-options-annotations.png', 'store-post-note.png', 'store-side-panel.png', 'store-sidebar-article.png']);
  });

  it.each(files.map((f) => [f]))('%s is at a size the stores accept', (file) => {
    const expected = file.startsWith('promo-') ? { width: 440, height: 280 } : { width: 1280, height: 800 };
    expect(pngSize(`docs/store/${file}`)).toEqual(expected);
  });

  it("the listing's short description is the manifest's English description, and links the privacy policy", () => {
    const listing = readFileSync('docs/store-listing.md', 'utf8');
    const short = /## Short description[\s\S]*?\n> (.+)\n/.exec(listing)?.[1];
    expect(short).toBe(readLocales().en!.extDescription!.message);
    expect(listing).toMatch(/PRIVACY\.md/);
  });
});
