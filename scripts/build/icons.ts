/**
 * The extension's icons, rendered from the one drawing in assets/icon.svg when the extension is built
 * (wxt.config.ts calls this from its `build:publicAssets` hook), so no PNG is committed and the sizes
 * can never drift from the drawing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// resvg renders SVG exactly and without a browser; a native binding, so the build stays fast.
import { Resvg } from '@resvg/resvg-js';

export const ICON_SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/icon.svg');

/** Sizes the stores and browsers ask for: 16 (favicon, toolbar 1x), 32 (toolbar 2x, Windows), 48 (extensions page), 128 (store, install). */
export const ICON_SIZES = [16, 32, 48, 128] as const;
/**
 * Toolbar sizes, 1x and 2x. Chrome's toolbar has drawn 16 dip icons since 2016, so the old 19/38 pair
 * would only be scaled down; Firefox asks for 16 and 32 as well.
 */
export const TOOLBAR_SIZES = [16, 32] as const;

/** Where each size lands in the built extension, relative to its root. */
export const iconPath = (size: number): string => `icons/${size}.png`;

/** The manifest's `icons` and `action.default_icon` maps. */
export function iconManifest(): { icons: Record<string, string>; toolbar: Record<string, string> } {
  const map = (sizes: readonly number[]) => Object.fromEntries(sizes.map((size) => [String(size), iconPath(size)]));
  return { icons: map(ICON_SIZES), toolbar: map(TOOLBAR_SIZES) };
}

/**
 * Transparent margin around the drawing, per size, in pixels. Chrome Web Store's image guidelines ask
 * for the 128 px icon's artwork to be 96 px with 16 px of transparent padding on each side (the store
 * and the install dialog frame it); the toolbar sizes use the whole square to stay legible.
 */
export const ICON_PADDING: Readonly<Record<number, number>> = { 128: 16 };

/** One size of the drawing as PNG bytes. */
export function renderIcon(svg: string, size: number): Buffer {
  return new Resvg(withPadding(svg, size, ICON_PADDING[size] ?? 0), { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** The drawing with its viewBox widened so that it fills `size - 2 * padding` of a `size` square. */
function withPadding(svg: string, size: number, padding: number): string {
  if (padding === 0) return svg;
  const viewBox = /viewBox="0 0 (\d+(?:\.\d+)?) \1"/.exec(svg);
  if (!viewBox) throw new Error('assets/icon.svg must have a square viewBox="0 0 N N" to be padded');
  const side = Number(viewBox[1]);
  const margin = (side * padding) / (size - 2 * padding);
  return svg.replace(viewBox[0], `viewBox="${-margin} ${-margin} ${side + 2 * margin} ${side + 2 * margin}"`);
}

/** Render every size into `dir`; returns each file's absolute path and its path in the extension. */
export function renderIcons(dir: string, svg = readFileSync(ICON_SOURCE, 'utf8')): { absoluteSrc: string; relativeDest: string }[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const absoluteSrc = path.join(dir, `${size}.png`);
    writeFileSync(absoluteSrc, renderIcon(svg, size));
    return { absoluteSrc, relativeDest: iconPath(size) };
  });
}
