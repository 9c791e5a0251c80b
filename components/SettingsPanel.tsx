/** Reader settings on the options page: language, pause, muted sites. Settings in, changes out. */
import { useState } from 'preact/hooks';
import { LOCALE_NAMES, UI_LOCALES, type Translate } from '../core/i18n';
import type { Locale, Settings } from '../core/settings';
import { mute, muteEntryFor, unmute, type MuteEntry } from '../core/muting';

export function SettingsPanel({ t, settings, onChange }: { t: Translate; settings: Settings; onChange: (next: Settings) => void }) {
  const [error, setError] = useState('');
  // Mute what the reader typed, with the scope of the button pressed; a bad address is said, not dropped.
  const add = (form: HTMLFormElement, scope: MuteEntry['scope']) => {
    const input = form.elements.namedItem('mute-site') as HTMLInputElement;
    try {
      onChange(mute(settings, muteEntryFor(input.value, scope)));
      input.value = '';
      setError('');
    } catch {
      setError(t('options.muteAddError', { input: input.value }));
    }
  };
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
          {/* Each language named in itself, so a reader finds theirs whatever the page is in. */}
          {UI_LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.followPage}
          onChange={(e) => onChange({ ...settings, followPage: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t('options.language.followPage')}
      </label>
      <p class="muted">{t('options.language.fallback')}</p>
      <label>
        <input
          type="checkbox"
          checked={settings.paused}
          onChange={(e) => onChange({ ...settings, paused: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t('options.paused')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.panelOnly}
          onChange={(e) => onChange({ ...settings, panelOnly: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t('options.panelOnly')}
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
      <form class="mute-add" onSubmit={(e) => (e.preventDefault(), add(e.currentTarget, 'site'))}>
        <label>
          {t('options.muteAddLabel')} <input name="mute-site" type="text" inputMode="url" autoComplete="off" aria-invalid={error ? 'true' : undefined} />
        </label>{' '}
        <button type="submit">{t('options.muteAddSite')}</button>{' '}
        <button type="button" onClick={(e) => add(e.currentTarget.form!, 'host')}>
          {t('options.muteAddHost')}
        </button>
        {error && (
          <p role="alert" class="muted">
            {error}
          </p>
        )}
      </form>
      {/* The packaged copy of PRIVACY.md (built by scripts/build/privacy.ts): readable offline. */}
      <p>
        <a href="/privacy.html" target="_blank" rel="noopener">
          {t('options.privacy')}
        </a>
      </p>
    </section>
  );
}
