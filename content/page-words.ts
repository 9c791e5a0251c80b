/**
 * The page's own words for a match (content-script world, in chunk-detector.js). The detector matches
 * folded text: case and marks dropped, Traditional characters read as Simplified, homophone characters
 * read as one (core/text/fold.ts, the Chinese route), so a signal's text is the folded form: "4 月 9 厘"
 * where the page says 4月9日. "Why am I seeing this?" shows what the page says, found back in the node
 * where the match was; joined evidence ("a … b", "a, b") is found part by part, and anything not found
 * stays as matched.
 */
import { foldWithOrigin, type FoldedText } from '../core/text/fold';
import { locateIn } from '../core/text/locate';

/**
 * Longer texts are not searched again (a huge text node, a whole page's block): the matched form is
 * shown instead. Folding one costs about a millisecond per 10,000 characters on a page's first
 * match, in one piece (the function is not yet optimised).
 */
const SEARCH_LIMIT = 50_000;

/**
 * A space the matcher may have put there: beside a Chinese, Japanese or Korean character, or between a
 * digit and a letter (core/text/fold.ts `scriptKind`: "CGTN China24" is matched as "cgtn china 24").
 */
const SCRIPT_BREAK =
  / (?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]) |(?<=\p{L}) (?=\p{Nd})|(?<=\p{Nd}) (?=\p{L})/gu;

function nodeText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  const el = node as Element;
  return el.getAttribute?.('alt') || el.getAttribute?.('aria-label') || el.getAttribute?.('content') || el.textContent || '';
}

/**
 * The raw text at the first place `folded` is found in `node`'s text, or `folded` itself. `seen`:
 * texts already folded, for the other signals of the same decision (often in the same node).
 */
export function pageWords(node: Node | undefined, folded: string, table: Uint16Array, seen: Map<string, FoldedText> = new Map()): string {
  if (!node || !folded) return folded;
  const text = nodeText(node);
  if (text.length > SEARCH_LIMIT) return folded;
  let foldedText = seen.get(text);
  if (!foldedText) seen.set(text, (foldedText = foldWithOrigin(text, table)));
  const find = (part: string): string => {
    // The matcher breaks words where the script changes (4 月 9 日, china 24); the page need not (4月9日, China24).
    const [span] = locateIn(foldedText, part, 1).concat(locateIn(foldedText, part.replace(SCRIPT_BREAK, ''), 1));
    return span ? text.slice(span.start, span.end) : part;
  };
  return folded
    .split(' … ')
    .map((joined) => joined.split(', ').map(find).join(', '))
    .join(' … ');
}
