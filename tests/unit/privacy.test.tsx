/**
 * The privacy policy: one text (PRIVACY.md), packaged as a static page that needs no network and runs
 * no script, covering every permission the manifest asks for, and one click away on the Options page.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { PRIVACY_PAGE, PRIVACY_SOURCE, renderPrivacyPage } from '../../scripts/build/privacy';
import { SettingsPanel } from '../../components/SettingsPanel';
import { translator } from '../../core/i18n';
import { DEFAULT_SETTINGS } from '../../core/settings';
import config from '../../wxt.config';

const markdown = readFileSync(PRIVACY_SOURCE, 'utf8');
const html = renderPrivacyPage(markdown);
// Parsed without its <link> (checked as text below): happy-dom would try to fetch the stylesheet.
const page = new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/g, ''), 'text/html');

describe('the packaged privacy page', () => {
  it('is PRIVACY.md, title and sections included', () => {
    expect(page.title).toBe('Backstory privacy policy');
    const sections = [...page.querySelectorAll('h2')].map((h) => h.textContent);
    expect(sections).toEqual([
      'In short',
      'What it keeps, and where',
      'What it reads',
      'What it never does',
      'Permissions, and why each is needed',
      'Removing everything',
      'Changes to this policy',
    ]);
    expect(page.querySelectorAll('table')).toHaveLength(2);
  });

  it('runs no script and loads nothing from outside the extension', () => {
    expect(page.querySelectorAll('script, iframe, object, embed, img')).toHaveLength(0);
    expect(html.match(/<link\b[^>]*>/g)).toEqual(['<link rel="stylesheet" href="privacy.css" />']);
    // Links would break inside the extension unless they are absolute web links or in-page anchors.
    for (const a of page.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^(https:\/\/|#)/);
  });

  it.each(['chrome', 'firefox'] as const)('explains every permission the %s manifest asks for', async (browser) => {
    const manifest = config.manifest as (env: { browser: string; command: 'build'; mode: string; manifestVersion: 3 }) => { permissions?: string[] };
    const permissions = manifest({ browser, command: 'build', mode: 'production', manifestVersion: 3 }).permissions ?? [];
    expect(permissions.length).toBeGreaterThan(0);
    const table = [...page.querySelectorAll('table')].find((t) => t.querySelector('th')?.textContent === 'permission')!;
    const explained = [...table.querySelectorAll('tbody tr td:first-child code')].map((c) => c.textContent);
    for (const permission of permissions) expect(explained).toContain(permission);
  });

  it('tells the reader to export annotations before uninstalling', () => {
    const steps = [...page.querySelectorAll('h2 ~ ol li')].map((li) => li.textContent ?? '');
    expect(steps[0]).toMatch(/Export your annotations first/);
    expect(steps[1]).toMatch(/Uninstall/);
  });
});

describe('the Options page link', () => {
  const host = document.createElement('div');
  afterEach(() => render(null, host));

  it.each(['en', 'zh-CN'] as const)('opens the packaged policy (%s)', (locale) => {
    render(<SettingsPanel t={translator(locale)} settings={DEFAULT_SETTINGS} onChange={() => {}} />, host);
    const link = [...host.querySelectorAll('a')].find((a) => a.getAttribute('href') === `/${PRIVACY_PAGE}`);
    expect(link?.textContent).toBe(translator(locale)('options.privacy'));
    expect(link?.textContent).toMatch(/Privacy|隐私/);
  });
});
