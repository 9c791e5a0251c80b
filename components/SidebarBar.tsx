import type { Translate } from '../core/i18n';

/** The sidebar's title bar: the name (focused when the panel opens), hide and collapse. Pure. */
export function SidebarBar({ t, onCollapse, onDismiss }: { t: Translate; onCollapse: () => void; onDismiss?: (() => void) | undefined }) {
  return (
    <header class="bar">
      <h1 tabIndex={-1}>{t('app.name')}</h1>
      <div class="bar-actions">
        {onDismiss && (
          <button type="button" class="dismiss" onClick={onDismiss}>
            {t('sidebar.dismiss')}
          </button>
        )}
        <button type="button" class="collapse" onClick={onCollapse} aria-label={t('sidebar.collapse')} aria-expanded="true">
          ⟩
        </button>
      </div>
    </header>
  );
}
