/**
 * "Copy context": a short plain-text summary of the key lines for a reader to paste into a reply.
 * Each line is the dataset's own attributed statement, followed by its source and link; the sources'
 * addresses are given in full so the text stands on its own outside the sidebar. Pure: tested
 * directly, and the sidebar only hands the result to the clipboard.
 *
 * Children appear by first name only, as everywhere: the statements already name them so, and any
 * longer name of a minor the dataset knows (a surname added by other coverage) is cut back to the
 * first name before the text leaves, in case a statement ever carries one.
 */
import type { ContextView } from './context-view';
import { safeHref } from './context-view';
import type { Person, Source } from './schema';

export interface ShareLabels {
  /** First line, e.g. "Context from Backstory (sourced; each statement attributed):". */
  heading: string;
  /** Heading of the line shared by every family shown, e.g. "Both families". */
  shared: string;
  /** Heading of the list of sources, e.g. "Sources". */
  sources: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function shortDate(value: string): string {
  const [y, m, d] = value.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** "CNN, 23 Apr 2021", as the sidebar credits a source. */
function credit(source: Source): string {
  return `${source.publisher}, ${shortDate(source.date.value)}`;
}

/** "CNN, 23 Apr 2021: <title> https://..." (the address only when it is a safe http(s) one). */
function sourceLine(source: Source): string {
  const href = safeHref(source.url);
  return `${credit(source)}: ${source.title}${href ? ` ${href}` : ''}`;
}

/**
 * Cut every longer name of a minor back to the first name: the multi-part names the dataset records
 * for the child ("穆合丽萨·马木提"), and the first name followed by a family surname (a word of an
 * adult's name in the same family: "Muhlise Abdurehim").
 */
export function firstNamesOnly(text: string, people: Person[]): string {
  let out = text;
  for (const p of people) {
    if (!p.minor) continue;
    const longer = p.names
      .map((n) => n.text.trim())
      .filter((v) => v !== p.displayName && /[\s·・.‧]/u.test(v))
      .sort((a, b) => b.length - a.length);
    for (const name of longer) out = out.split(name).join(p.displayName);
    const surnames = people
      .filter((a) => !a.minor && a.familyId === p.familyId)
      .flatMap((a) => [a.displayName, ...a.names.map((n) => n.text)])
      .flatMap((n) => n.split(/\s+/).slice(1))
      .filter((w) => /^\p{L}{2,}$/u.test(w));
    for (const surname of new Set(surnames)) out = out.split(`${p.displayName} ${surname}`).join(p.displayName);
  }
  return out;
}

/**
 * The text to copy: per family its label and key lines, each line with the source it comes from; a
 * finding shared by every family shown is given once, after them; then each source once, with its
 * address.
 */
export function shareText(view: ContextView, labels: ShareLabels): string {
  const people = view.families.flatMap((f) => f.people);
  const cited: Source[] = [];
  const line = (r: { statement: string; sourceId: string }) => {
    const source = view.sources.get(r.sourceId);
    if (!source) return `- ${r.statement}`;
    if (!cited.includes(source)) cited.push(source);
    return `- ${r.statement} (${credit(source)})`;
  };
  const blocks: string[] = [labels.heading];
  const shared = view.families.length > 1 && view.families.slice(1).every((f) => f.findingShared);
  for (const f of view.families) {
    const { claim, response, finding, conduct } = f.key;
    const withFinding = !shared && !f.findingShared;
    const records = [claim, response, withFinding ? finding : undefined, ...conduct].filter((r) => !!r);
    if (records.length) blocks.push([f.family.label, ...records.map(line)].join('\n'));
  }
  const finding = view.families[0]?.key.finding;
  if (shared && finding) blocks.push([labels.shared, line(finding)].join('\n'));
  if (cited.length) blocks.push([`${labels.sources}:`, ...cited.map(sourceLine)].join('\n'));
  return firstNamesOnly(blocks.join('\n\n'), people) + '\n';
}
