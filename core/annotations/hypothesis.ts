/**
 * What a Hypothesis annotation (https://h.readthedocs.io/en/latest/api-reference/, the client's
 * export file) carries beyond the W3C fields incoming.ts reads for every dialect: its short id, its
 * author and, for a reply, the annotations it answers. Its `uri`, `target[].source`, `selector`s,
 * `text`, `tags`, `created` and `updated` are read by incoming.ts; `group`, `permissions`,
 * `document`, `links` (but for the id's host), `flagged`, `hidden` and `moderation` are not kept.
 * Mapping table: docs/annotations.md.
 */
import { z } from 'zod';
import { Iri, LIMITS, type Creator } from './model';

type Ctx = z.core.$RefinementCtx;

/** Fields only Hypothesis writes; an annotation with one of them and no W3C `type` is read as Hypothesis'. */
const HYPOTHESIS_FIELDS = ['uri', 'user', 'user_info', 'references', 'links', 'group', 'permissions', 'document'];

export function isHypothesis(a: Record<string, unknown>): boolean {
  return a.type === undefined && HYPOTHESIS_FIELDS.some((k) => k in a);
}

/** Hypothesis ids are URL-safe base64 (22 characters today); an IRI is kept as it is. */
const ShortId = /^[A-Za-z0-9_-]{1,64}$/;
/** `acct:<username>@<authority>` (RFC 7565), as Hypothesis names users. */
const Acct = /^acct:([^@\s]{1,200})@([^@\s]{1,200})$/;

const DEFAULT_BASE = 'https://hypothes.is/a/';

const UserInfo = z.object({ display_name: z.string({ error: 'must be a string or null' }).max(LIMITS.name, `a name is at most ${LIMITS.name} characters`).nullish() }, { error: 'must be an object' });
const Links = z.object({ html: z.string().optional() }, { error: 'must be an object' });
const References = z.array(z.string({ error: 'a reference is an annotation id (a string)' }), { error: 'references are an array of annotation ids' }).max(LIMITS.references, `at most ${LIMITS.references} references`);

function issue(ctx: Ctx, path: PropertyKey[], message: string): undefined {
  ctx.addIssue({ code: 'custom', message, path });
  return undefined;
}

/**
 * Where this annotation's id lives: the host of its `links.html` (a self-hosted Hypothesis keeps its
 * annotations on its own host) or hypothes.is. Replies use the same base, so they stay linked.
 */
function baseOf(a: Record<string, unknown>, id: string | undefined): string {
  const links = Links.safeParse(a.links);
  const html = links.success ? links.data.html : undefined;
  if (id && html && /^https?:\/\//.test(html) && html.endsWith(`/${id}`) && !/\s/.test(html)) return html.slice(0, -id.length);
  return DEFAULT_BASE;
}

/** A Hypothesis id as a stored IRI: `https://hypothes.is/a/<id>` (the annotation's own page). */
function iriOf(id: string, base: string, ctx: Ctx, path: PropertyKey[]): string | undefined {
  if (Iri.safeParse(id).success && id.includes(':')) return id;
  if (!ShortId.test(id)) return issue(ctx, path, 'a Hypothesis id is 1 to 64 letters, digits, "-" or "_" (or an IRI)');
  return `${base}${id}`;
}

export interface HypothesisFields {
  id?: string;
  creator?: Creator;
  references?: string[];
  /** Whether any of these fields was refused (each problem is reported on `ctx`). */
  failed: boolean;
}

/** Read a Hypothesis annotation's id, author and thread, reporting each problem under its field. */
export function hypothesisFields(a: Record<string, unknown>, ctx: Ctx): HypothesisFields {
  let failed = false;
  const fail = (path: PropertyKey[], message: string): undefined => {
    failed = true;
    return issue(ctx, path, message);
  };
  const rawId = a.id === undefined ? undefined : typeof a.id === 'string' ? a.id : fail(['id'], 'must be a string');
  const base = baseOf(a, rawId);
  const id = rawId === undefined ? undefined : iriOf(rawId, base, ctx, ['id']);
  if (rawId !== undefined && id === undefined) failed = true;

  let acct: RegExpExecArray | null = null;
  if (a.user !== undefined) {
    acct = typeof a.user === 'string' ? Acct.exec(a.user) : null;
    if (!acct) fail(['user'], 'must be a Hypothesis user such as acct:username@hypothes.is');
  }
  let displayName: string | null | undefined;
  if (a.user_info !== undefined && a.user_info !== null) {
    const info = UserInfo.safeParse(a.user_info);
    if (info.success) displayName = info.data.display_name;
    else for (const i of info.error.issues) fail(['user_info', ...i.path], i.message);
  }
  const name = displayName?.trim() || acct?.[1];
  const creator = name ? { ...(acct ? { id: acct[0] } : {}), name } : undefined;

  let references: string[] | undefined;
  if (a.references !== undefined) {
    const refs = References.safeParse(a.references);
    if (!refs.success) for (const i of refs.error.issues) fail(['references', ...i.path], i.message);
    else {
      const mapped = refs.data.map((r, i) => iriOf(r, base, ctx, ['references', i]));
      if (mapped.some((r) => r === undefined)) failed = true;
      else if (mapped.length) references = mapped as string[];
    }
  }
  return { ...(id ? { id } : {}), ...(creator ? { creator } : {}), ...(references ? { references } : {}), failed };
}
