/**
 * Options page: reader settings, and the researcher's annotations (list, search, edit, delete with
 * undo, import and export; see annotations.tsx).
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SettingsPanel } from '../../components/SettingsPanel';
import { loadSettings, SETTINGS_KEY, type Settings } from '../../core/settings';
import { translator } from '../../core/i18n';
import { applyLocale, pageLocale } from '../../extension/page-locale';
import { migrateSettings } from '../../core/muting';
import { AnnotationsManager } from '../../extension/options/AnnotationsPage';

function App({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  // Not beside a page: the setting and the browser decide. It changes as the reader picks a language.
  const locale = pageLocale(settings, navigator.languages);
  const t = translator(locale);
  applyLocale(document.documentElement, locale);
  document.title = t('options.title');
  const save = (next: Settings) => {
    setSettings(next);
    void browser.storage.local.set({ [SETTINGS_KEY]: next });
  };
  return (
    <main>
      <h1>{t('app.name')}</h1>
      <SettingsPanel t={t} settings={settings} onChange={save} />
      <AnnotationsManager t={t} />
    </main>
  );
}

// Migrated on read too, in case the background has not run since an update (core/muting.ts).
void loadSettings(browser.storage.local).then((settings) => render(<App initial={migrateSettings(settings)} />, document.getElementById('app')!));
