import type { Translate } from '../core/i18n';

/**
 * The sidebar's title bar: the name (focused when the panel opens), move to the browser's side panel
 * (where the browser has one), hide and collapse. Pure.
 */
export function SidebarBar({
  t,
  onCollapse,
  onDismiss,
  onSidePanel,
}: {
  t: Translate;
  onCollapse: () => void;
  onDismiss?: (() => void) | undefined;
  onSidePanel?: (() => void) | undefined;
}) {
  return (
    <header class="bar">
      <h1 tabIndex={-1}>{t('app.name')}</h1>
      <div class="bar-actions">
        {onSidePanel && (
          <button type="button" class="side-panel" onClick={onSidePanel}>
            {t('panel.open')}
          </button>
        )}
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
