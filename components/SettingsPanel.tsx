/** Reader settings on the options page: language, pause, muted sites. Pure. */
import type { Translate } from '../core/i18n';
import type { Locale, Settings } from '../core/settings';
import { unmute, type MuteEntry } from '../core/muting';

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
      {settings.mutedSites.length + settings.mutedHosts.length === 0 ? (
        <p class="muted">{t('options.noMutedSites')}</p>
      ) : (
        <ul class="plain muted-sites">
          {[
            ...settings.mutedSites.map((name): MuteEntry => ({ scope: 'site', name })),
            ...settings.mutedHosts.map((name): MuteEntry => ({ scope: 'host', name })),
          ].map((entry) => {
            // Says which choice the reader made: the whole site, or one host of it.
            const label = entry.scope === 'site' ? t('options.mutedSite', { site: entry.name }) : t('options.mutedHost', { host: entry.name });
            return (
              <li key={`${entry.scope}:${entry.name}`}>
                {label}{' '}
                <button type="button" onClick={() => onChange(unmute(settings, entry))}>
                  {t('options.unmute')} <span class="visually-hidden">{label}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
