/**
 * UI text in English and Simplified Chinese. The language follows the browser unless the reader
 * picks one in the options (browser.i18n cannot be overridden per extension, hence this module).
 * Dataset text stays in English where no translation exists, and the UI says so.
 */
import type { Locale } from './settings';

const en = {
  'app.name': 'Backstory',
  'tab.summary.none': 'Context for this story',
  'tab.summary.one': 'Context: 1 person in this story',
  'tab.summary.many': 'Context: {n} people in this story',
  'tab.open': '{summary}. Open Backstory',
  'sidebar.label': 'Backstory: sourced context',
  'sidebar.lede': 'Context from published reporting, with sources. Each statement is attributed to whoever made it.',
  'sidebar.collapse': 'Collapse the sidebar',
  'sidebar.dismiss': 'Hide on this page',
  'sidebar.people': 'People',
  'sidebar.namedHere': 'named on this page',
  'sidebar.minor': 'minor',
  'sidebar.governmentClaims': 'What the Chinese government claims',
  'sidebar.otherClaims': 'What others said',
  'sidebar.familySays': 'What the family says',
  'sidebar.evidence': 'Evidence',
  'sidebar.conduct': 'Coaching and interrogation',
  'sidebar.timeline': 'Timeline',
  'sidebar.media': 'About this video or page',
  'sidebar.context': 'Background to both families',
  'sidebar.sources': 'Sources',
  'sidebar.claimedBy': 'Claimed by {who}',
  'sidebar.reportedBy': 'Reported by {who}',
  'sidebar.why': 'Why am I seeing this?',
  'sidebar.jump': 'Show on the page',
  'sidebar.datasetLanguage': 'Dataset text is in English; no translation yet.',
  'sidebar.footer': 'Dataset {version} · data as of {date}',
  'sidebar.noDataset': 'Dataset not installed yet.',
  'sidebar.loading': 'Loading context…',
  'sidebar.error': 'Backstory could not load its context: {error}',
  'popup.matched': 'This page is about the story.',
  'popup.notMatched': 'Nothing from the story on this page.',
  'popup.unavailable': 'Backstory does not run on this page.',
  'popup.paused': 'Paused everywhere.',
  'popup.muted': 'Muted on {site}.',
  'popup.people': 'People named',
  'popup.families': 'Families',
  'popup.signals': 'Signals',
  'popup.pause': 'Pause everywhere',
  'popup.resume': 'Resume',
  'popup.mute': 'Mute on {site}',
  'popup.unmute': 'Unmute on {site}',
  'popup.open': 'Open the sidebar',
  'popup.options': 'Options and annotations',
  'popup.reload': 'Reload the page to apply.',
  'options.title': 'Backstory options',
  'options.language': 'Language',
  'options.language.auto': 'Browser language',
  'options.mutedSites': 'Muted sites',
  'options.noMutedSites': 'No muted sites.',
  'options.unmute': 'Unmute',
  'options.paused': 'Paused everywhere',
  'options.dataset': 'Dataset',
} as const;

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  'app.name': 'Backstory',
  'tab.summary.none': '本报道的背景',
  'tab.summary.one': '背景：本报道涉及 1 人',
  'tab.summary.many': '背景：本报道涉及 {n} 人',
  'tab.open': '{summary}。打开 Backstory',
  'sidebar.label': 'Backstory：有出处的背景信息',
  'sidebar.lede': '来自已发表报道的背景信息，附出处。每条陈述均注明由谁作出。',
  'sidebar.collapse': '收起侧栏',
  'sidebar.dismiss': '在此页面隐藏',
  'sidebar.people': '人物',
  'sidebar.namedHere': '本页提到',
  'sidebar.minor': '未成年人',
  'sidebar.governmentClaims': '中国政府的说法',
  'sidebar.otherClaims': '其他方面的说法',
  'sidebar.familySays': '家属的说法',
  'sidebar.evidence': '证据',
  'sidebar.conduct': '教导与审问',
  'sidebar.timeline': '时间线',
  'sidebar.media': '关于此视频或页面',
  'sidebar.context': '两个家庭的背景',
  'sidebar.sources': '来源',
  'sidebar.claimedBy': '{who}的说法',
  'sidebar.reportedBy': '据{who}报道',
  'sidebar.why': '为什么显示这些内容？',
  'sidebar.jump': '在页面上显示',
  'sidebar.datasetLanguage': '数据集内容为英文，暂无译文。',
  'sidebar.footer': '数据集 {version} · 数据截至 {date}',
  'sidebar.noDataset': '数据集尚未安装。',
  'sidebar.loading': '正在加载背景信息…',
  'sidebar.error': 'Backstory 无法加载背景信息：{error}',
  'popup.matched': '此页面与该报道相关。',
  'popup.notMatched': '此页面未涉及该报道。',
  'popup.unavailable': 'Backstory 不在此页面运行。',
  'popup.paused': '已在所有网站暂停。',
  'popup.muted': '已在 {site} 静音。',
  'popup.people': '提到的人物',
  'popup.families': '家庭',
  'popup.signals': '信号',
  'popup.pause': '在所有网站暂停',
  'popup.resume': '恢复',
  'popup.mute': '在 {site} 静音',
  'popup.unmute': '在 {site} 取消静音',
  'popup.open': '打开侧栏',
  'popup.options': '选项与批注',
  'popup.reload': '重新加载页面后生效。',
  'options.title': 'Backstory 选项',
  'options.language': '语言',
  'options.language.auto': '浏览器语言',
  'options.mutedSites': '已静音的网站',
  'options.noMutedSites': '没有已静音的网站。',
  'options.unmute': '取消静音',
  'options.paused': '在所有网站暂停',
  'options.dataset': '数据集',
};

const CATALOGS = { en, 'zh-CN': zhCN } as const;
export type UiLocale = keyof typeof CATALOGS;

/** The UI language: the override, else the first browser language we have, else English. */
export function resolveLocale(setting: Locale, browserLanguages: readonly string[]): UiLocale {
  if (setting !== 'auto') return setting;
  for (const lang of browserLanguages) {
    const l = lang.toLowerCase();
    if (l === 'zh' || l.startsWith('zh-cn') || l.startsWith('zh-hans') || l.startsWith('zh-sg')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: UiLocale): Translate {
  const catalog: Record<MessageKey, string> = CATALOGS[locale];
  return (key, params) => {
    const text = catalog[key] ?? en[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

/** Every key of every catalog, for the completeness test. */
export const CATALOG_KEYS = { en: Object.keys(en), 'zh-CN': Object.keys(zhCN) };
