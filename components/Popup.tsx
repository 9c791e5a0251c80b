/**
 * The toolbar popup: this tab's status and the reader's controls. Pure: state and callbacks in.
 */
import type { Translate } from '../core/i18n';
import type { DetectionReport } from '../core/messages/records';
import type { MuteEntry } from '../core/muting';

export interface PopupProps {
  t: Translate;
  /** undefined: the content script does not run on this page (browser pages, the store...). */
  report: DetectionReport | undefined;
  /** How this page can be muted: its host, and its site (registrable domain) where it has one. null: not a web page. */
  muteChoices: { host: string; site: string | null } | null;
  paused: boolean;
  /** The muted site or host that covers this page, if any. */
  mutedBy: string | null;
  /** Person id -> display name, family id -> label, from the match index. */
  names: Record<string, string>;
  needsReload: boolean;
  onPause: (paused: boolean) => void;
  onMute: (entry: MuteEntry) => void;
  /** Remove every entry that mutes this page. */
  onUnmute: () => void;
  onOpenSidebar: () => void;
  /** Open the browser's own side panel on this tab (absent where the browser has none). */
  onOpenSidePanel?: (() => void) | undefined;
  onOptions: () => void;
}

export function Popup({ t, report, muteChoices, paused, mutedBy, names, needsReload, onPause, onMute, onUnmute, onOpenSidebar, onOpenSidePanel, onOptions }: PopupProps) {
  const detection = report?.detection;
  const status = paused
    ? t('popup.paused')
    : mutedBy
      ? t('popup.muted', { site: mutedBy })
      : !report
        ? t('popup.unavailable')
        : detection?.matched
          ? t('popup.matched')
          : t('popup.notMatched');
  const signals = detection?.signals.filter((s) => s.score > 0) ?? [];
  return (
    <main class="popup" aria-labelledby="popup-title">
      <h1 id="popup-title">{t('app.name')}</h1>
      <p class={`status ${detection?.matched ? 'matched' : ''}`} role="status">
        {status}
      </p>
      {detection?.matched && (
        <>
          {detection.families.length > 0 && (
            <>
              <h2>{t('popup.families')}</h2>
              <ul>
                {detection.families.map((f) => (
                  <li key={f} lang="en" dir="auto">
                    {names[f] ?? f}
                  </li>
                ))}
              </ul>
            </>
          )}
          {detection.people.length > 0 && (
            <>
              <h2>{t('popup.people')}</h2>
              <ul class="people">
                {detection.people.map((p) => (
                  <li key={p} lang="en" dir="auto">
                    {names[p] ?? p}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('popup.signals')}</h2>
          <ul class="signals">
            {signals.map((s, i) => (
              <li key={i}>
                <span class={`strength ${s.strength}`}>{t(`signal.${s.strength}`)}</span>{' '}
                <span lang="en" dir="auto">
                  {s.label}
                </span>
              </li>
            ))}
          </ul>
          {report?.hidden && (
            // The page removed, hid or covered the sidebar: it cannot be trusted to show it.
            <p class="hidden-warning" role="alert">
              {t('popup.hidden')}
            </p>
          )}
          {(report?.sidebarMounted || onOpenSidePanel) && (
            <div class="controls">
              {report?.sidebarMounted && !report.hidden && (
                <button type="button" onClick={onOpenSidebar}>
                  {t('popup.open')}
                </button>
              )}
              {onOpenSidePanel && (
                <button type="button" class="side-panel" onClick={onOpenSidePanel}>
                  {report?.hidden ? t('popup.sidePanel') : t('panel.open')}
                </button>
              )}
            </div>
          )}
        </>
      )}
      <div class="controls">
        <button type="button" aria-pressed={paused} onClick={() => onPause(!paused)}>
          {paused ? t('popup.resume') : t('popup.pause')}
        </button>
        {mutedBy ? (
          <button type="button" aria-pressed="true" onClick={onUnmute}>
            {t('popup.unmute', { site: mutedBy })}
          </button>
        ) : muteChoices?.site ? (
          // The reader's choice: the whole site (www., edition., amp. ...) or this host alone.
          <>
            <button type="button" onClick={() => onMute({ scope: 'site', name: muteChoices.site! })}>
              {t('popup.muteSite', { site: muteChoices.site })}
            </button>
            <button type="button" onClick={() => onMute({ scope: 'host', name: muteChoices.host })}>
              {t('popup.muteHost', { host: muteChoices.host })}
            </button>
          </>
        ) : (
          muteChoices && (
            <button type="button" onClick={() => onMute({ scope: 'host', name: muteChoices.host })}>
              {t('popup.mute', { site: muteChoices.host })}
            </button>
          )
        )}
      </div>
      {needsReload && <p class="note">{t('popup.reload')}</p>}
      <p>
        <a href="#" onClick={(e) => (e.preventDefault(), onOptions())}>
          {t('popup.options')}
        </a>
      </p>
    </main>
  );
}
