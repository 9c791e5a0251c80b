import type { Translate } from '../core/i18n';

/** The slim tab at the page edge: a one-line summary that opens the sidebar. */
export function CollapsedTab({ people, onOpen, t }: { people: number; onOpen: () => void; t: Translate }) {
  const summary =
    people === 1 ? t('tab.summary.one') : people > 1 ? t('tab.summary.many', { n: people }) : t('tab.summary.none');
  return (
    <main class="collapsed" aria-label={t('sidebar.label')}>
      <h1 class="visually-hidden">{t('app.name')}</h1>
      <button type="button" class="tab" onClick={onOpen} aria-label={t('tab.open', { summary })} aria-expanded="false">
        <span class="tab-text">{summary}</span>
      </button>
    </main>
  );
}
