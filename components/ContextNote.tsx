/**
 * The note at a post or video that carries the story, the way a community note reads: one line of
 * attributed context and "More context". Pure: the note's record and the action in through props.
 *
 * The dataset's statements come in the reader's language where translated, each marked with its own
 * `lang` (English where a translation is missing) and laid out by its own direction.
 */
import type { Translate } from '../core/i18n';

export interface ContextNoteProps {
  t: Translate;
  /** The family's name and its line (the dataset's statements, each attributed). */
  label: string;
  lines: ReadonlyArray<{ text: string; lang: string }>;
  onMore: (event: MouseEvent) => void;
  /**
   * The browser would not open its side panel from the note (Firefox opens its sidebar only from its
   * own controls): say where it opens instead.
   */
  panelHint?: boolean;
}

export function ContextNote({ t, label, lines, onMore, panelHint = false }: ContextNoteProps) {
  return (
    <main class="context-note" aria-label={t('note.region')}>
      <h1 class="visually-hidden">{t('app.name')}</h1>
      {panelHint ? (
        <p class="note-line" role="status">
          {t('note.panelHint')}
        </p>
      ) : (
        <p class="note-line">
          <strong class="note-label">{t('note.label')}</strong>{' '}
          {lines.map((l, i) => (
            <span key={i} lang={l.lang} dir="auto">
              {i > 0 ? ' ' : ''}
              {l.text}
            </span>
          ))}
        </p>
      )}
      <button type="button" class="more" onClick={onMore} aria-label={t('note.moreFor', { family: label })}>
        {t('note.more')}
      </button>
    </main>
  );
}
