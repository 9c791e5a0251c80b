/**
 * The toolbar icon and badge: every size renders from the one drawing, and both stay legible on light
 * and dark browser toolbars (Chrome's default light #f1f3f4 and dark #202124).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES, ICON_SOURCE, iconManifest, renderIcons, TOOLBAR_SIZES } from '../../scripts/build/icons';
import { BADGE_COLORS } from '../../extension/badge';

const TOOLBARS = { light: '#f1f3f4', dark: '#202124' } as const;
type Rgb = [number, number, number];

const hexToRgb = (hex: string): Rgb => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
/** WCAG 2 relative luminance and contrast ratio. */
const luminance = ([r, g, b]: Rgb): number => {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a: Rgb, b: Rgb): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** The 16 px icon composited over a toolbar colour: each pixel's colour and the icon's coverage. */
function onToolbar(svg: string, toolbar: string) {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: 16 } }).render();
  const bg = hexToRgb(toolbar);
  const px = image.pixels; // premultiplied RGBA
  const pixels: { rgb: Rgb; alpha: number; x: number; y: number }[] = [];
  for (let i = 0; i < px.length; i += 4) {
    const alpha = px[i + 3]! / 255;
    const rgb = [0, 1, 2].map((c) => px[i + c]! + bg[c]! * (1 - alpha)) as Rgb;
    pixels.push({ rgb, alpha, x: (i / 4) % image.width, y: Math.floor(i / 4 / image.width) });
  }
  return { pixels, width: image.width, height: image.height };
}

/**
 * The silhouette's edge: pixels the icon covers (90% or more; anti-aliased corner pixels are left out)
 * that touch the image border or a pixel it does not cover. Their contrast with the toolbar is what
 * makes the mark's outline visible.
 */
function edgePixels(svg: string, toolbar: string) {
  const { pixels, width, height } = onToolbar(svg, toolbar);
  const covered = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && pixels[y * width + x]!.alpha >= 0.9;
  return pixels.filter(
    ({ x, y }) =>
      covered(x, y) &&
      (x === 0 || y === 0 || x === width - 1 || y === height - 1 || [[1, 0], [-1, 0], [0, 1], [0, -1]].some(([dx, dy]) => !covered(x + dx!, y + dy!))),
  );
}

const drawing = readFileSync(ICON_SOURCE, 'utf8');
const outDir = mkdtempSync(path.join(tmpdir(), 'backstory-icons-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('icons rendered from assets/icon.svg', () => {
  const files = renderIcons(outDir, drawing);

  it.each(ICON_SIZES.map((size) => [size]))('%i px is a %i-pixel square PNG at the path the manifest names', (size) => {
    const file = files.find((f) => f.relativeDest === iconManifest().icons[String(size)])!;
    expect(file).toBeDefined();
    const png = readFileSync(file.absoluteSrc);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(pngSize(png)).toEqual({ width: size, height: size });
  });

  it('128 px leaves the 16 px transparent margin the Chrome Web Store asks for, and fills the rest', () => {
    const png = readFileSync(files.find((f) => f.relativeDest === iconManifest().icons['128'])!.absoluteSrc);
    // resvg decodes the PNG by drawing it at its own size (no PNG decoder among the dependencies).
    const rendered = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="128" height="128"><image width="128" height="128" href="data:image/png;base64,${png.toString('base64')}"/></svg>`).render();
    const alphaAt = (x: number, y: number) => rendered.pixels[(y * 128 + x) * 4 + 3]!;
    for (const [x, y] of [[0, 0], [15, 64], [64, 15], [112, 64], [64, 112], [127, 127]] as const) expect(alphaAt(x, y), `${x},${y}`).toBe(0);
    for (const [x, y] of [[20, 64], [64, 20], [107, 64], [64, 107], [64, 64]] as const) expect(alphaAt(x, y), `${x},${y}`).toBe(255);
  });

  it('gives the toolbar its 1x and 2x sizes, both among the rendered files', () => {
    const toolbar = iconManifest().toolbar;
    expect(Object.keys(toolbar).map(Number)).toEqual([...TOOLBAR_SIZES]);
    for (const dest of Object.values(toolbar)) expect(files.map((f) => f.relativeDest)).toContain(dest);
  });

  it.each(Object.entries(TOOLBARS))('16 px outline stands out on a %s toolbar (%s) at 3:1 or more', (_name, toolbar) => {
    const edge = edgePixels(drawing, toolbar);
    expect(edge.length).toBeGreaterThan(30);
    const bg = hexToRgb(toolbar);
    const legible = edge.filter((p) => contrast(p.rgb, bg) >= 3).length;
    expect(legible / edge.length).toBeGreaterThanOrEqual(0.9);
  });

  it('16 px mark inside the tile is readable: a good share of it contrasts 3:1 with the tile', () => {
    const { pixels, width } = onToolbar(drawing, TOOLBARS.light);
    const tile = pixels[2 * width + 8]!.rgb; // just inside the top edge: the tile's own colour
    const mark = pixels.filter((p) => p.alpha === 1 && contrast(p.rgb, tile) >= 3);
    expect(mark.length / pixels.length).toBeGreaterThanOrEqual(0.2);
  });

  it('the outline check fails for a tile as dark as the dark toolbar (the test can tell)', () => {
    const darkTile = drawing.replace('fill="#3b78b5"', 'fill="#1f3b57"');
    expect(darkTile).not.toBe(drawing);
    const edge = edgePixels(darkTile, TOOLBARS.dark);
    const bg = hexToRgb(TOOLBARS.dark);
    expect(edge.filter((p) => contrast(p.rgb, bg) >= 3).length / edge.length).toBeLessThan(0.9);
  });
});

describe('badge colours (extension/badge.ts)', () => {
  it('badge text reads at 4.5:1 or more on the badge', () => {
    expect(contrast(hexToRgb(BADGE_COLORS.text), hexToRgb(BADGE_COLORS.background))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(TOOLBARS))('the badge stands out on a %s toolbar (%s) at 3:1 or more', (_name, toolbar) => {
    expect(contrast(hexToRgb(BADGE_COLORS.background), hexToRgb(toolbar))).toBeGreaterThanOrEqual(3);
  });
});
