/**
 * The researcher's annotations on the options page: search (text, tag, site), the list with edit and
 * delete, a status line (with "Undo" after a delete), an alert region for failures and import
 * problems, export (JSON-LD or CSV) and import. Pure: records and callbacks in through props; the
 * options app does the storing (entrypoints/options/annotations.tsx).
 */
import { useEffect, useState } from 'preact/hooks';
import type { AnnotationRecord } from '../core/annotations/model';
import { linksOf, noteOf, quoteOf, tagsOf } from '../core/annotations/model';
import { formatTags, parseTagInput } from '../core/annotations/form';
import { safeHref } from '../core/dataset/context-view';
import type { Translate } from '../core/i18n';

export interface AnnotationQueryInput {
  text: string;
  tag: string;
  site: string;
}

export interface AnnotationEdit {
  note: string;
  tags: string[];
}

export interface AnnotationsPanelProps {
  /** The annotations matching the query, newest first. */
  shown: readonly AnnotationRecord[];
  total: number;
  query: AnnotationQueryInput;
  onQuery: (query: AnnotationQueryInput) => void;
  /** Resolves true when saved (the editor closes), false when it failed (the alert says why). */
  onEdit: (id: string, edit: AnnotationEdit) => Promise<boolean>;
  onDelete: (id: string) => void;
  onExport: (format: 'jsonld' | 'csv') => void;
  onImport: (file: File) => void;
  /** The status line; `undo` adds an Undo button (after a delete). */
  status?: { text: string; undo?: () => void };
  /** Failures: a message and, for a refused import, each problem. */
  alert?: { text: string; problems?: string[] };
  /** A running import or export: its bar, what it is doing, and Cancel (imports only). */
  progress?: { label: string; text: string; done: number; total: number; onCancel?: () => void };
  t: Translate;
}

/**
 * Rows drawn at a time: after a large import (100,000 annotations) drawing every row takes the page
 * close to a minute; searching still covers them all.
 */
export const ROWS_PER_STEP = 200;

export function AnnotationsPanel(props: AnnotationsPanelProps) {
  const { shown, total, query, onQuery, onExport, onImport, status, alert, progress, t } = props;
  const [format, setFormat] = useState<'jsonld' | 'csv'>('jsonld');
  const [limit, setLimit] = useState(ROWS_PER_STEP);
  // A new search starts from the top of the list again.
  useEffect(() => setLimit(ROWS_PER_STEP), [query.text, query.tag, query.site]);
  const field = (name: keyof AnnotationQueryInput) => (e: Event) => onQuery({ ...query, [name]: (e.currentTarget as HTMLInputElement).value });
  return (
    <section aria-labelledby="annotations-title" class="annotations">
      <h2 id="annotations-title">{t('options.annotations')}</h2>
      <p class="muted">{t('options.backup')}</p>
      <div class="transfer">
        <label>
          {t('options.exportFormat')}
          <select value={format} onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as 'jsonld' | 'csv')}>
            <option value="jsonld">W3C JSON-LD</option>
            <option value="csv">CSV</option>
          </select>
        </label>
        <button type="button" disabled={!!progress} onClick={() => onExport(format)}>
          {t('options.export')}
        </button>
        <label>
          {t('options.import')}
          <input
            type="file"
            disabled={!!progress}
            accept=".jsonld,.json,application/ld+json,application/json"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) onImport(file);
              input.value = '';
            }}
          />
        </label>
      </div>
      {progress && (
        <div class="progress">
          <label for="transfer-progress">{progress.label}</label>
          <progress id="transfer-progress" value={progress.done} max={Math.max(1, progress.total)} aria-valuetext={progress.text} />
          <span aria-hidden="true">{progress.text}</span>
          {progress.onCancel && (
            <button type="button" onClick={progress.onCancel}>
              {t('options.cancelImport')}
            </button>
          )}
        </div>
      )}
      <div role="status" class="status-line">
        {status && (
          <>
            {status.text}{' '}
            {status.undo && (
              <button type="button" onClick={status.undo}>
                {t('options.undo')}
              </button>
            )}
          </>
        )}
      </div>
      <div role="alert" class={alert ? 'alert' : 'alert empty'}>
        {alert && (
          <>
            <p>{alert.text}</p>
            {alert.problems && (
              <ul class="problems">
                {alert.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <div role="search" class="filters">
        <label>
          {t('options.search')}
          <input type="search" value={query.text} onInput={field('text')} />
        </label>
        <label>
          {t('options.searchTag')}
          <input type="text" value={query.tag} onInput={field('tag')} />
        </label>
        <label>
          {t('options.searchSite')}
          <input type="text" value={query.site} onInput={field('site')} placeholder="cnn.com" />
        </label>
      </div>
      <p class="muted">{t('options.count', { shown: shown.length, total })}</p>
      {shown.length === 0 ? (
        <p class="muted">{t('options.noAnnotations')}</p>
      ) : (
        <>
          <ul class="annotation-list plain">
            {shown.slice(0, limit).map((a) => (
              <AnnotationRow key={a.id} record={a} {...props} />
            ))}
          </ul>
          {shown.length > limit && (
            <button type="button" onClick={() => setLimit(limit + ROWS_PER_STEP)}>
              {t('options.showMore', { n: Math.min(ROWS_PER_STEP, shown.length - limit) })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function AnnotationRow({ record, onEdit, onDelete, t }: { record: AnnotationRecord } & AnnotationsPanelProps) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const quote = quoteOf(record);
  const href = safeHref(record.target.source);
  const startEdit = () => {
    setNote(noteOf(record));
    setTags(formatTags(tagsOf(record)));
    setEditing(true);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    if (await onEdit(record.id, { note, tags: parseTagInput(tags) })) setEditing(false);
  };
  return (
    <li class="annotation">
      {quote && <blockquote dir="auto">“{quote}”</blockquote>}
      {editing ? (
        <form onSubmit={(e) => void save(e)}>
          <label class="block">
            {t('annotations.note')}
            <textarea rows={3} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
          </label>
          <label class="block">
            {t('annotations.tags')}
            <input type="text" value={tags} onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <button type="submit">{t('options.save')}</button>{' '}
          <button type="button" onClick={() => setEditing(false)}>
            {t('options.cancel')}
          </button>
        </form>
      ) : (
        <p class="note-text" dir="auto">
          {noteOf(record) || '—'}
        </p>
      )}
      <p class="muted small">
        {tagsOf(record).map((tag) => (
          <span key={tag} class="tag">
            {tag}
          </span>
        ))}{' '}
        {linksOf(record).length > 0 && <span>{linksOf(record).join(' ')} · </span>}
        {t('options.page')}:{' '}
        {href ? (
          <a href={href} rel="noreferrer noopener" target="_blank">
            {record.documentKey}
          </a>
        ) : (
          record.documentKey
        )}{' '}
        · {t('options.modified', { date: record.modified.slice(0, 10) })}
        {record.creator && <> · {t('options.by', { name: record.creator.name })}</>}
        {record.references?.length ? <> · {t('options.reply')}</> : null}
      </p>
      {!editing && (
        <p>
          <button type="button" onClick={startEdit}>
            {t('options.edit')} <span class="visually-hidden">{quote || noteOf(record)}</span>
          </button>{' '}
          <button type="button" class="danger" onClick={() => onDelete(record.id)}>
            {t('options.delete')} <span class="visually-hidden">{quote || noteOf(record)}</span>
          </button>
        </p>
      )}
    </li>
  );
}
