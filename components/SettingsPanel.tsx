/** Reader settings on the options page: language, pause, muted sites. Pure. */
import type { Translate } from '../core/i18n';
import type { Locale, Settings } from '../core/settings';

export function SettingsPanel({ t, settings, onChange }: { t: Translate; settings: Settings; onChange: (next: Settings) => void }) {
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('options.title')}</h2>
      <label>
        {t('options.language')}
        <select
          value={settings.locale}
          onChange={(e) => onChange({ ...settings, locale: (e.currentTarget as HTMLSelectElement).value as Locale })}
        >
          <option value="auto">{t('options.language.auto')}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.paused}
          onChange={(e) => onChange({ ...settings, paused: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t('options.paused')}
      </label>
      <h3>{t('options.mutedSites')}</h3>
      {settings.mutedSites.length === 0 ? (
        <p class="muted">{t('options.noMutedSites')}</p>
      ) : (
        <ul class="plain">
          {settings.mutedSites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button type="button" onClick={() => onChange({ ...settings, mutedSites: settings.mutedSites.filter((s) => s !== site) })}>
                {t('options.unmute')} <span class="visually-hidden">{site}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* The packaged copy of PRIVACY.md (built by scripts/build/privacy.ts): readable offline. */}
      <p>
        <a href="/privacy.html" target="_blank" rel="noopener">
          {t('options.privacy')}
        </a>
      </p>
    </section>
  );
}
