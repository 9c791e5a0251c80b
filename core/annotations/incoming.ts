/**
 * One incoming annotation, in any of the accepted dialects (W3C, Hypothesis), checked and normalised
 * to a stored record. Per annotation: `body` as a string, an object or an array (a plain string is a
 * note; an http(s) or backstory: IRI is a link); `bodyValue`; Hypothesis' `text`/`tags`/`uri`/`updated`;
 * `target` as a URL string, an object or a one-element array; `selector` one or several; the author
 * as W3C `creator`; a reply's `backstory:references`. A Hypothesis annotation's id, user and
 * references are read by hypothesis.ts. Unknown fields are not kept. Every field is checked even when another fails, so one pass reports all of an
 * item's problems.
 */
import { z } from 'zod';
import {
  AnnotationRecord,
  DateTime,
  Iri,
  KEPT_SELECTOR_TYPES,
  KeptSelector,
  LinkIri,
  Motivation,
  PageUrl,
  SELECTOR_TYPES,
  Creator,
  keyForImport,
  newId,
  type Body,
  type Selector,
} from './model';
import { hypothesisFields, isHypothesis } from './hypothesis';

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const hasType = (v: Record<string, unknown>, type: string) =>
  v.type === type || (Array.isArray(v.type) && v.type.includes(type));

type Ctx = z.core.$RefinementCtx;

/** Run `schema` on `value`, reporting its issues under `path`; returns undefined on failure. */
function sub<T>(schema: z.ZodType<T>, value: unknown, ctx: Ctx, path: PropertyKey[]): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...path, ...issue.path] });
  return undefined;
}

const InQuote = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'the quoted text cannot be empty'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const InPosition = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, { message: 'end comes before start', path: ['end'] });

const known = `${SELECTOR_TYPES.slice(0, 2).join(', ')} (and keeps ${KEPT_SELECTOR_TYPES.join(', ')})`;

function selectorFrom(value: unknown, ctx: Ctx, path: PropertyKey[]): Selector | undefined {
  if (!isObject(value)) {
    ctx.addIssue({ code: 'custom', message: 'a selector must be an object with a "type"', path });
    return undefined;
  }
  if (typeof value.type !== 'string') {
    ctx.addIssue({ code: 'custom', message: 'a selector needs a "type"', path: [...path, 'type'] });
    return undefined;
  }
  if (value.type === 'TextQuoteSelector') return sub(InQuote, value, ctx, path);
  if (value.type === 'TextPositionSelector') return sub(InPosition, value, ctx, path);
  if ((KEPT_SELECTOR_TYPES as readonly string[]).includes(value.type)) return sub(KeptSelector, value, ctx, path);
  ctx.addIssue({ code: 'custom', message: `unknown selector type "${value.type}"; Backstory anchors with ${known}`, path: [...path, 'type'] });
  return undefined;
}

// Schemas are built once: zod compiles each object schema on first use, which is costly per call.
const InTextualBody = z.object({
  value: z.string({ error: 'a text body needs a string "value"' }),
  purpose: Motivation.optional(),
  format: z.string().optional(),
  language: z.string().optional(),
});
const InLinkBody = z.object({
  source: LinkIri.optional(),
  id: LinkIri.optional(),
  purpose: z.literal('linking', { error: 'a linked resource must have purpose "linking"' }).optional(),
});

const IRI_LIKE = /^(?:https?:\/\/\S+|backstory:\S+)$/i;

function bodyFrom(value: unknown, ctx: Ctx, path: PropertyKey[]): Body | undefined {
  if (typeof value === 'string') {
    if (IRI_LIKE.test(value)) return sub(LinkIri, value, ctx, path) ? { type: 'SpecificResource', source: value, purpose: 'linking' } : undefined;
    return { type: 'TextualBody', value, format: 'text/plain', purpose: 'commenting' };
  }
  if (!isObject(value)) {
    ctx.addIssue({ code: 'custom', message: 'a body is a string or an object', path });
    return undefined;
  }
  const type = value.type;
  if (type === 'TextualBody' || (type === undefined && 'value' in value)) {
    const b = sub(InTextualBody, value, ctx, path);
    if (!b) return undefined;
    return {
      type: 'TextualBody',
      value: b.value,
      purpose: b.purpose ?? 'commenting',
      ...(b.format !== undefined ? { format: b.format } : {}),
      ...(b.language !== undefined ? { language: b.language } : {}),
    };
  }
  if (type === 'SpecificResource' || (type === undefined && typeof value.id === 'string')) {
    const b = sub(InLinkBody, value, ctx, path);
    const source = b?.source ?? b?.id;
    if (!source) {
      if (b) ctx.addIssue({ code: 'custom', message: 'a linked resource needs a "source"', path: [...path, 'source'] });
      return undefined;
    }
    return { type: 'SpecificResource', source, purpose: 'linking' };
  }
  ctx.addIssue({
    code: 'custom',
    message: `unsupported body type ${JSON.stringify(type)}; Backstory keeps TextualBody notes and tags, and SpecificResource links`,
    path: [...path, 'type'],
  });
  return undefined;
}

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function targetFrom(value: unknown, ctx: Ctx, path: PropertyKey[]): { source: string; selector?: Selector[] } | undefined {
  if (Array.isArray(value)) {
    if (value.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `an annotation needs exactly one target (found ${value.length})`, path });
      return undefined;
    }
    return targetFrom(value[0], ctx, [...path, 0]);
  }
  if (typeof value === 'string') return sub(PageUrl, value, ctx, path) ? { source: value } : undefined;
  if (!isObject(value)) {
    ctx.addIssue({ code: 'custom', message: 'the target is a URL or an object with a "source"', path });
    return undefined;
  }
  const source = sub(PageUrl, value.source ?? value.id, ctx, [...path, 'source']);
  const selectors = Array.isArray(value.selector)
    ? value.selector.map((s, i) => selectorFrom(s, ctx, [...path, 'selector', i]))
    : asList(value.selector).map((s) => selectorFrom(s, ctx, [...path, 'selector']));
  if (!source || selectors.some((s) => s === undefined)) return undefined;
  return selectors.length ? { source, selector: selectors as Selector[] } : { source };
}

const AnnotationType = z
  .union([z.string(), z.array(z.string())])
  .refine((t) => (Array.isArray(t) ? t.includes('Annotation') : t === 'Annotation'), 'the type must be "Annotation"');
const Tags = z.array(z.string({ error: 'a tag is a string' }), { error: 'tags are an array of strings' });
const Revisions = z.array(z.string(), { error: 'revisions are an array of strings' });
const Text = z.string({ error: 'must be a string' });
const References = z.array(Iri, { error: 'references are an array of annotation IRIs' });

/** W3C `creator`: an Agent object (`id`, `name`, or `nickname` for want of a name) or just its IRI. */
function creatorFrom(value: unknown, ctx: Ctx): Creator | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return sub(Iri, value, ctx, ['creator']) ? { id: value, name: value } : undefined;
  if (!isObject(value)) {
    ctx.addIssue({ code: 'custom', message: 'the creator is an IRI or an object with a "name"', path: ['creator'] });
    return undefined;
  }
  const name = value.name ?? value.nickname ?? value.id;
  return sub(Creator, { ...(value.id !== undefined ? { id: value.id } : {}), name }, ctx, ['creator']);
}

/**
 * One incoming annotation, any of the accepted dialects, normalised to a stored record. Every field
 * is checked even when another fails, so one pass reports all of an item's problems.
 */
export const IncomingAnnotation = z
  .looseObject({})
  .transform((a, ctx) => {
    const field = <T>(schema: z.ZodType<T>, key: string): T | undefined => (a[key] === undefined ? undefined : sub(schema, a[key], ctx, [key]));
    let failed = false;
    const check = <T>(schema: z.ZodType<T>, key: string): T | undefined => {
      const v = field(schema, key);
      if (a[key] !== undefined && v === undefined) failed = true;
      return v;
    };
    const hypothesis = isHypothesis(a) ? hypothesisFields(a, ctx) : undefined;
    if (hypothesis?.failed) failed = true;
    const id = hypothesis ? hypothesis.id : check(Iri, 'id');
    check(AnnotationType, 'type');
    const created = check(DateTime, 'created');
    const modified = check(DateTime, 'modified');
    const updated = check(DateTime, 'updated');
    const text = check(Text, 'text');
    const tags = check(Tags, 'tags');
    const claimedKey = check(Text, 'backstory:documentKey');
    const revisions = check(Revisions, 'backstory:revisions');
    const conflictOf = check(Iri, 'backstory:conflictOf');
    const creator = hypothesis ? hypothesis.creator : creatorFrom(a.creator, ctx);
    if (!hypothesis && a.creator !== undefined && !creator) failed = true;
    const references = hypothesis ? hypothesis.references : check(References, 'backstory:references');

    const bodies: Array<Body | undefined> = [];
    if (Array.isArray(a.body)) a.body.forEach((b, i) => bodies.push(bodyFrom(b, ctx, ['body', i])));
    else if (a.body !== undefined) bodies.push(bodyFrom(a.body, ctx, ['body']));
    if (a.bodyValue !== undefined) bodies.push(sub(Text, a.bodyValue, ctx, ['bodyValue']) === undefined ? undefined : bodyFrom(a.bodyValue, ctx, ['bodyValue']));
    // Hypothesis notes are Markdown.
    if (text) bodies.push({ type: 'TextualBody', value: text, format: hypothesis ? 'text/markdown' : 'text/plain', purpose: 'commenting' });
    for (const tag of tags ?? []) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
    let target: ReturnType<typeof targetFrom>;
    if (a.target !== undefined) target = targetFrom(a.target, ctx, ['target']);
    else if (a.uri !== undefined) target = targetFrom(a.uri, ctx, ['uri']);
    else ctx.addIssue({ code: 'custom', message: 'an annotation needs a target (the page it is about)', path: ['target'] });
    if (failed || !target || bodies.some((b) => b === undefined)) return z.NEVER;

    const made = created ?? modified ?? updated ?? new Date().toISOString();
    return {
      id: id ?? newId(),
      type: 'Annotation' as const,
      created: made,
      modified: modified ?? updated ?? made,
      body: bodies as Body[],
      target,
      documentKey: keyForImport(target.source, claimedKey),
      ...(revisions?.length ? { revisions } : {}),
      ...(conflictOf ? { conflictOf } : {}),
      ...(creator ? { creator } : {}),
      ...(references?.length ? { references } : {}),
    };
  })
  .pipe(AnnotationRecord);

export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}
