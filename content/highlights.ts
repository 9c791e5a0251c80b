/**
 * Highlights of the names Backstory recognised, with the CSS Custom Highlight API: no element is
 * wrapped, the page's DOM is not changed beyond one <style> rule. The registry is readable by the
 * page, so the highlight's name is random and says nothing about the extension. Capped in count.
 */
import { locateFolded } from '../core/text/locate';

const MAX_RANGES = 200;

export interface HighlightTarget {
  node: Node;
  /** Folded text of the signal ("mamutjan abdurehim"). */
  text: string;
  /** The detector's fold table. */
  table: Uint16Array;
}

export class PageHighlights {
  private readonly name = `h${Math.random().toString(36).slice(2, 10)}`;
  private readonly focusName = `h${Math.random().toString(36).slice(2, 10)}`;
  private style: HTMLStyleElement | undefined;
  private focusTimer: ReturnType<typeof setTimeout> | undefined;

  static get supported(): boolean {
    return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
  }

  /** Highlight each target's text in its node (or each of its words, when split across elements). */
  show(targets: HighlightTarget[]): number {
    if (!PageHighlights.supported) return 0;
    const ranges = targets.flatMap((t) => rangesFor(t)).slice(0, MAX_RANGES);
    if (ranges.length === 0) return 0;
    this.ensureStyle();
    CSS.highlights.set(this.name, new Highlight(...ranges));
    return ranges.length;
  }

  /** Scroll to a target and mark it for a moment. */
  jump(target: HighlightTarget): void {
    const element = target.node.nodeType === Node.TEXT_NODE ? target.node.parentElement : (target.node as Element);
    element?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    if (!PageHighlights.supported) return;
    const ranges = rangesFor(target);
    if (ranges.length === 0) return;
    this.ensureStyle();
    CSS.highlights.set(this.focusName, new Highlight(...ranges));
    clearTimeout(this.focusTimer);
    this.focusTimer = setTimeout(() => CSS.highlights.delete(this.focusName), 2500);
  }

  destroy(): void {
    if (PageHighlights.supported) {
      CSS.highlights.delete(this.name);
      CSS.highlights.delete(this.focusName);
    }
    clearTimeout(this.focusTimer);
    this.style?.remove();
  }

  private ensureStyle(): void {
    if (this.style?.isConnected) return;
    this.style = document.createElement('style');
    this.style.textContent =
      `::highlight(${this.name}){background-color:rgb(255 208 0 / 0.35)}` +
      `::highlight(${this.focusName}){background-color:rgb(255 160 0 / 0.75)}`;
    (document.head ?? document.documentElement).append(this.style);
  }
}

function rangesFor(target: HighlightTarget): StaticRange[] {
  const node = target.node;
  if (node.nodeType !== Node.TEXT_NODE) return [];
  const data = (node as Text).data;
  let spans = locateFolded(data, target.text, 20, target.table);
  if (spans.length === 0) {
    spans = target.text.split(' ').flatMap((word) => (word.length > 2 ? locateFolded(data, word, 20, target.table) : []));
  }
  return spans.map((s) => new StaticRange({ startContainer: node, startOffset: s.start, endContainer: node, endOffset: s.end }));
}
