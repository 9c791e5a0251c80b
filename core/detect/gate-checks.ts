/**
 * What the prefilter (core/detect/gate.ts) checks where it finds a fragment: the whole patterns, by
 * the first letters there (`Checks`), and an event's other elements around its key anchor
 * (`ElementCheck`).
 */
import { SPACE } from '../text/fold';
import { ASCII_BREAKS, FOLDED_BREAKS, LEAD, atPiece, plainPattern, source, type GateEvent, type WrittenChecks } from './gate-patterns';
import type { GateElements } from './gate-record';

/** Between folded windows: a control character, which folded text never contains (it folds to a space). */
export const WINDOW_BREAK = 0x01;

/**
 * Whole patterns checked where a fragment starts: those that open the prefilter (one sticky
 * expression) and the events' key anchors (one per event, with its index).
 */
export class Check {
  constructor(
    private readonly open: RegExp | undefined,
    private readonly keys: ReadonlyArray<RegExp | undefined>,
  ) {}

  /** The opening pattern at `at`, if any; else each event whose key anchor is there is `noted`. */
  at(text: string, at: number, noted: (event: number) => void): string | undefined {
    if (this.open) {
      this.open.lastIndex = at;
      const found = this.open.exec(text);
      if (found) return found[0];
    }
    for (let e = 0; e < this.keys.length; e++) {
      const key = this.keys[e];
      if (!key) continue;
      key.lastIndex = at;
      if (key.test(text)) noted(e);
    }
    return undefined;
  }
}

/** A group of patterns (`WrittenChecks`), written into its two Checks (raw, folded) when first needed. */
export class CheckGroup {
  private made: [Check, Check] | undefined;

  constructor(
    private readonly open: readonly string[],
    private readonly keys: ReadonlyArray<[number, string[]]>,
    private readonly events: number,
  ) {}

  /** The check for raw text (plain-ASCII patterns, `i` flag) or for folded text. */
  check(folded: boolean): Check {
    this.made ??= [this.write(false), this.write(true)];
    return this.made[folded ? 1 : 0];
  }

  private write(folded: boolean): Check {
    const between = folded ? FOLDED_BREAKS : ASCII_BREAKS;
    const flags = folded ? 'y' : 'iy';
    const re = (ps: readonly string[]) => {
      const wanted = folded ? ps : ps.filter(plainPattern);
      return wanted.length ? new RegExp(source(wanted.map((p) => atPiece(p, between))), flags) : undefined;
    };
    const keys: Array<RegExp | undefined> = Array.from({ length: this.events }, () => undefined);
    for (const [e, ps] of this.keys) keys[e] = re(ps);
    return new Check(re(this.open), keys);
  }
}

export interface Checks {
  /** By the first LEAD letters of their fragment. */
  byLead: Map<string, CheckGroup>;
  /** Fragments with fewer than LEAD letters: checked at every place. */
  short: CheckGroup | undefined;
}

export function checks(written: WrittenChecks, events: number): Checks {
  const byLead = new Map<string, CheckGroup>();
  let short: CheckGroup | undefined;
  for (const [lead, open, keys] of written) {
    const group = new CheckGroup(open, keys, events);
    if (lead) byLead.set(lead, group);
    else short = group;
  }
  return { byLead, short };
}

/**
 * The first LEAD letters (a-z, 0-9, lower case) of raw text from `at`, breaks left out (as
 * `ASCII_BREAKS` reads them): a fragment found at `at` starts with them, or is shorter.
 */
export function leadAscii(text: string, at: number): string {
  let lead = '';
  for (let i = at; i < text.length && lead.length < LEAD; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) lead += String.fromCharCode(c);
  }
  return lead;
}

/** The first LEAD code units of folded text from `at`, spaces left out; none past a window's end (no fragment spans it). */
export function leadFolded(text: string, at: number): string {
  let lead = '';
  for (let i = at; i < text.length && lead.length < LEAD; i++) {
    const c = text.charCodeAt(i);
    if (c === WINDOW_BREAK) break;
    if (c !== SPACE) lead += text[i];
  }
  return lead;
}

/**
 * An event's other elements, checked in the windows around its key anchor as core/detect/locality.ts
 * counts them: its other anchors first (two missing: no telling), then the rest, least common first,
 * until enough are found or too few are left. Each element is one expression per script (a trie,
 * written where the index is built: compile/gate-builder.ts `writeElement`), tried only where the script is.
 */
export class ElementCheck {
  private readonly elements: Array<Array<{ script: RegExp | undefined; re: RegExp }>>;

  constructor(
    elements: GateElements['events'][string],
    private readonly event: Omit<GateEvent, 'key'>,
    scripts: Map<string, RegExp>,
  ) {
    this.elements = elements.map((parts) =>
      parts.map(([script, expression]) => {
        if (script && !scripts.has(script)) scripts.set(script, new RegExp(script));
        return { script: script ? scripts.get(script) : undefined, re: new RegExp(expression) };
      }),
    );
  }

  /** How many elements `windows` holds, if they are enough for a telling; else undefined. */
  check(windows: string): number | undefined {
    const present = new Map<RegExp, boolean>();
    const has = (script: RegExp) => {
      let p = present.get(script);
      if (p === undefined) present.set(script, (p = script.test(windows)));
      return p;
    };
    const { anchors, others } = this.event;
    let found = 0;
    let missing = 0;
    let left = this.elements.length;
    for (let i = 0; i < this.elements.length; i++) {
      const parts = this.elements[i]!;
      if (parts.some((part) => (!part.script || has(part.script)) && part.re.test(windows))) found++;
      else if (i < anchors && ++missing > 1) return undefined;
      left--;
      if (found >= others + missing && i + 1 >= anchors) return found;
      if (found + left < others + missing) return undefined;
    }
    return undefined;
  }
}
