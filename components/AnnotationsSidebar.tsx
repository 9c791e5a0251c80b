/**
 * The sidebar on a page that is not about the story but has the reader's annotations: only the
 * annotations section, in the same frame and with the same controls as the story sidebar; and its
 * collapsed tab. Pure.
 */
import type { ComponentChildren } from 'preact';
import type { Translate } from '../core/i18n';
import { SidebarBar } from './SidebarBar';

export function AnnotationsSidebar({
  children,
  onCollapse,
  onDismiss,
  t,
}: {
  children: ComponentChildren;
  onCollapse: () => void;
  onDismiss: () => void;
  t: Translate;
}) {
  return (
    <div class="sidebar annotations-only">
      <SidebarBar t={t} onCollapse={onCollapse} onDismiss={onDismiss} />
      <main aria-label={t('annotations.label')}>{children}</main>
    </div>
  );
}

/** The collapsed tab: how many annotations this page has. */
export function AnnotationsTab({ count, onOpen, t }: { count: number; onOpen: () => void; t: Translate }) {
  const summary = count === 1 ? t('annotations.tab.one') : count > 1 ? t('annotations.tab.many', { n: count }) : t('annotations.tab.none');
  return (
    <main class="collapsed" aria-label={t('annotations.label')}>
      <h1 class="visually-hidden">{t('app.name')}</h1>
      <button type="button" class="tab" onClick={onOpen} aria-label={t('tab.open', { summary })} aria-expanded="false">
        <span class="tab-text">{summary}</span>
      </button>
    </main>
  );
}
