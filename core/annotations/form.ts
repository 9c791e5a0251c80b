/**
 * Small helpers for the annotation forms (sidebar and options page). No zod: the sidebar imports this.
 */

/** "coaching, cgtn;  interview " -> ["coaching", "cgtn", "interview"]: commas or semicolons, each once. */
export function parseTagInput(input: string): string[] {
  return [...new Set(input.split(/[,;\n]/).map((t) => t.trim()).filter((t) => t.length > 0))];
}

/** Tags back into the field's text. */
export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}

/** `backstory:people/zumeryem` for a dataset record (the link IRI of core/annotations/model.ts). */
export function recordLink(collection: 'people' | 'claims', id: string): string {
  return `backstory:${collection}/${id}`;
}

/** Links of one collection out of an annotation's links. */
export function linksIn(links: readonly string[], collection: 'people' | 'claims'): string[] {
  const prefix = `backstory:${collection}/`;
  return links.filter((l) => l.startsWith(prefix));
}

/** A short, readable label for a long text (claims in the link picker). */
export function shorten(text: string, max = 90): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
