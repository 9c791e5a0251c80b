/**
 * The annotations of the page, in the sidebar: the "Annotate" form for a new selection (quote, note,
 * tags, links to the dataset's people and claims) and the list, each one marked anchored, orphaned
 * or page note. Orphaned annotations are listed like the others, never hidden. Pure: data and
 * callbacks in through props (the sidebar app talks to the background).
 */
import { useState } from 'preact/hooks';
import type { AnnotationItem, AnnotationsView, SaveResult } from '../core/messages/records';
import { linksIn, parseTagInput, recordLink, shorten } from '../core/annotations/form';
import type { Translate } from '../core/i18n';

export interface LinkChoice {
  id: string;
  label: string;
}

export interface AnnotationDraftContent {
  note: string;
  tags: string[];
  links: string[];
}

export interface AnnotationsSectionProps {
  view: AnnotationsView;
  people: LinkChoice[];
  claims: LinkChoice[];
  onSave: (content: AnnotationDraftContent) => Promise<SaveResult>;
  onCancel: () => void;
  onJump: (id: string) => void;
  t: Translate;
}

export function AnnotationsSection({ view, people, claims, onSave, onCancel, onJump, t }: AnnotationsSectionProps) {
  return (
    <section class="annotations" aria-labelledby="annotations-title">
      <h2 id="annotations-title">{t('annotations.title')}</h2>
      {view.draft && <AnnotateForm quote={view.draft.quote} people={people} claims={claims} onSave={onSave} onCancel={onCancel} t={t} />}
      {view.items.length === 0 ? (
        !view.draft && <p class="meta">{t('annotations.none')}</p>
      ) : (
        <ul class="annotation-list">
          {view.items.map((a) => (
            <AnnotationEntry key={a.id} item={a} people={people} claims={claims} onJump={onJump} t={t} />
          ))}
        </ul>
      )}
    </section>
  );
}

function statusLabel(item: AnnotationItem, t: Translate): string {
  if (item.status === 'anchored') return t('annotations.anchored');
  if (item.status === 'orphaned') return t('annotations.orphaned');
  if (item.status === 'page') return t('annotations.pageNote');
  return t('annotations.pending');
}

function AnnotationEntry({ item, people, claims, onJump, t }: { item: AnnotationItem; people: LinkChoice[]; claims: LinkChoice[]; onJump: (id: string) => void; t: Translate }) {
  const labelOf = (choices: LinkChoice[], collection: 'people' | 'claims') =>
    linksIn(item.links, collection).map((l) => choices.find((c) => recordLink(collection, c.id) === l)?.label ?? l);
  const linked = [...labelOf(people, 'people'), ...labelOf(claims, 'claims')];
  return (
    <li class="annotation" data-status={item.status ?? 'pending'}>
      <span class={`status ${item.status ?? 'pending'}`}>{statusLabel(item, t)}</span>
      {item.quote && (
        <blockquote dir="auto">
          “{item.quote}”
        </blockquote>
      )}
      {item.note && (
        <p class="note-text" dir="auto">
          {item.note}
        </p>
      )}
      {item.tags.length > 0 && (
        <p class="meta">
          {item.tags.map((tag) => (
            <span key={tag} class="tag">
              {tag}
            </span>
          ))}
        </p>
      )}
      {linked.length > 0 && <p class="meta">{linked.map((l) => shorten(l, 60)).join(' · ')}</p>}
      {item.status === 'orphaned' && <p class="meta">{t('annotations.orphanedHelp')}</p>}
      {item.status === 'anchored' && (
        <button type="button" class="jump" onClick={() => onJump(item.id)}>
          {t('sidebar.jump')}
        </button>
      )}
    </li>
  );
}

function selected(e: Event): string[] {
  return [...(e.currentTarget as HTMLSelectElement).selectedOptions].map((o) => o.value);
}

function AnnotateForm({
  quote,
  people,
  claims,
  onSave,
  onCancel,
  t,
}: {
  quote: string;
  people: LinkChoice[];
  claims: LinkChoice[];
  onSave: AnnotationsSectionProps['onSave'];
  onCancel: () => void;
  t: Translate;
}) {
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [linkedPeople, setLinkedPeople] = useState<string[]>([]);
  const [linkedClaims, setLinkedClaims] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setError(undefined);
    const links = [...linkedPeople.map((id) => recordLink('people', id)), ...linkedClaims.map((id) => recordLink('claims', id))];
    const result = await onSave({ note, tags: parseTagInput(tags), links }).catch((err: unknown) => ({ ok: false as const, error: String(err) }));
    setSaving(false);
    // On failure the form stays as it was, with the reason: what the reader wrote is not lost.
    if (!result.ok) setError(result.error);
  };

  return (
    <form class="annotate" aria-labelledby="annotate-title" onSubmit={(e) => void submit(e)}>
      <h3 id="annotate-title">{t('annotations.annotate')}</h3>
      <p class="meta">{t('annotations.quote')}</p>
      <blockquote dir="auto">“{quote}”</blockquote>
      <label>
        {t('annotations.note')}
        <textarea rows={4} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <label>
        {t('annotations.tags')}
        <input type="text" value={tags} onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
      </label>
      {people.length > 0 && (
        <label>
          {t('annotations.people')}
          <select multiple size={4} onChange={(e) => setLinkedPeople(selected(e))}>
            {people.map((p) => (
              <option key={p.id} value={p.id} selected={linkedPeople.includes(p.id)} lang="en">
                {p.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {claims.length > 0 && (
        <label>
          {t('annotations.claims')}
          <select multiple size={4} onChange={(e) => setLinkedClaims(selected(e))}>
            {claims.map((c) => (
              <option key={c.id} value={c.id} selected={linkedClaims.includes(c.id)} lang="en">
                {shorten(c.label)}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? t('annotations.saving') : t('annotations.save')}
        </button>
        <button type="button" onClick={onCancel} disabled={saving}>
          {t('annotations.cancel')}
        </button>
      </div>
    </form>
  );
}
