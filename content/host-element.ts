/**
 * The host elements Backstory adds to a matching page (the sidebar's, and any other piece of UI in
 * the page), made here so that none of them carries a fixed name a page could look for.
 *
 * A host's tag name is two random lowercase words joined by a hyphen (a valid custom element name, new
 * on each page load, e.g. `amber-lantern`), with no attribute, class or id; its state lives inside
 * its closed shadow root. Backstory's readers still know their own hosts: each is marked with a symbol
 * property set in the content script's isolated world, which the page's own world cannot see (an
 * expando on a wrapper: Chromium's isolated worlds and Firefox's Xray vision both keep it private).
 */

/** Marks a host element in the content script's world (Symbol.for: shared by the lazily imported chunks). */
const HOST_MARK: unique symbol = Symbol.for('backstory.host') as never;

const WORDS = [
  'amber', 'aspen', 'basin', 'birch', 'brook', 'cedar', 'cinder', 'clover', 'coral', 'delta', 'ember', 'fable',
  'fern', 'field', 'flint', 'frost', 'glade', 'grove', 'harbor', 'hazel', 'heron', 'indigo', 'island', 'juniper',
  'kestrel', 'lantern', 'larch', 'linen', 'maple', 'meadow', 'mica', 'moss', 'nectar', 'north', 'oak', 'opal',
  'orchid', 'pebble', 'pine', 'plume', 'quartz', 'quill', 'raven', 'reed', 'ridge', 'river', 'saffron', 'sage',
  'slate', 'sorrel', 'spruce', 'stone', 'thistle', 'tide', 'timber', 'umber', 'valley', 'velvet', 'willow',
  'wren', 'yarrow', 'zephyr',
];

function pick(): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return WORDS[n! % WORDS.length]!;
}

/**
 * A random tag name: two words, and a third if the page has defined a custom element of that name or
 * already uses it (a page cannot make Backstory's host upgrade into its own element).
 */
export function randomTagName(taken: (name: string) => boolean = (name) => !!customElements?.get(name) || !!document.querySelector(name)): string {
  let name = `${pick()}-${pick()}`;
  while (taken(name)) name = `${name}-${pick()}`;
  return name;
}

/** A new host element (not yet in the page), with a random tag name, marked as Backstory's own. */
export function createHost(): HTMLElement {
  const host = document.createElement(randomTagName());
  (host as unknown as Record<symbol, boolean>)[HOST_MARK] = true;
  return host;
}

/** Whether an element is one of Backstory's hosts (only custom-element names can be). */
export function isHost(el: Element): boolean {
  return el.localName.includes('-') && (el as unknown as Record<symbol, unknown>)[HOST_MARK] === true;
}
