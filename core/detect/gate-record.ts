/**
 * The prefilter's record, as types (core/detect/gate.ts reads it): what the index builder puts in it
 * (core/detect/compile/gate-builder.ts, gate-expressions.ts) and what every page reads of it.
 */
import type { GateEvent, WrittenChecks } from './gate-patterns';

/**
 * What the prefilter's record carries (built by core/detect/compile/gate-builder.ts): the gated
 * patterns themselves, folded, each with the fragment the fast expression looks for marked; the
 * expressions are written from them where the index is built (core/detect/compile/gate-expressions.ts),
 * and the record every page reads holds the expressions, not the patterns (`GateInput`).
 */
export interface GateSpec {
  /** The patterns that open the prefilter on their own, `before|piece|after` (MARK) or whole. */
  open: string[];
  /** The events, whose key anchors open the prefilter only with enough of their other elements. */
  events: GateEvent[];
  /** How many code units around a run of non-ASCII letters are folded and tested with it. */
  reach: number;
  /**
   * The story's generic topic words (Uyghur, Xinjiang): never a reason to read a page, only to load
   * the captions of a page with video tracks (`topicGate`).
   */
  topic: string[];
  /**
   * The events' other elements (event id -> elements, least common first -> patterns): in the index
   * built in memory; stored apart (match-index.ts MatchEvents) and handed to a Gate with `supply`
   * only where a key anchor is found.
   */
  elements?: GateElements;
  /** The expressions written from the above (core/detect/compile/gate-expressions.ts), and the topic words'. */
  compiled: GateWritten & { topic: GateWritten };
}

/**
 * What a Gate is made from: the record every page reads holds this, not the patterns (`GateSpec`
 * without `open`, `topic` and the events' `key`), which the expressions already hold.
 */
export interface GateInput {
  reach: number;
  events: ReadonlyArray<Omit<GateEvent, 'key'>>;
  compiled: GateWritten & { topic?: GateWritten };
  elements?: GateElements;
}

/** The prefilter's expressions, as sources (breaks between words written as BREAK). */
export interface GateWritten {
  /**
   * The fragment trie for raw text (`i` flag; one expression, in a list for the stored format). The
   * fragments start on a few letters rare in prose (core/detect/compile/gate-builder.ts
   * `markFragments`), which the engine skips through text by.
   */
  ascii: string[];
  /**
   * Fragment tries for folded text, per script: [a class of its letters, or '' for ASCII (joined
   * with `ascii` there); the trie].
   */
  folded: Array<[script: string, fragments: string]>;
  /** What is checked where a fragment is found. */
  checks: WrittenChecks;
  /** How far (folded characters) around a key anchor its event's elements are looked for, at least. */
  around: number;
}

/**
 * The events' other elements, written where the index is built (core/detect/compile/gate-builder.ts):
 * per event, its elements (anchors first, then the least common), each as one expression per script
 * its patterns are in, over folded text: [the script's class, or '' for ASCII; the patterns as a trie,
 * breaks written as FOLDED_BREAKS].
 */
export interface GateElements {
  /** How far (folded characters) around a key anchor the elements are looked for: WINDOW and the longest element pattern. */
  around: number;
  events: Record<string, Array<Array<[script: string, expression: string]>>>;
}
