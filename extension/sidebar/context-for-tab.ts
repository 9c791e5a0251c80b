/**
 * What the sidebar and the side panel show for a tab (entrypoints/sidebar, entrypoints/sidepanel):
 * the context view of its detection, with the dataset's text in the reader's language (English where
 * a translation is missing or stale). One function, so the two surfaces never say it differently.
 */
import { buildContextView, type ContextView, type StoredDataset } from '../../core/dataset/context-view';
import { datasetLocale, localizeDataset, viewText } from '../../core/dataset/localize';
import type { ContextResponse } from '../../core/messages/records';
import { loadTranslations } from './translations';

export async function contextForTab({ state, data }: Pick<ContextResponse, 'state' | 'data'>, locale: string): Promise<ContextView> {
  const phrases = state.detection.signals.filter((s) => s.kind === 'phrase').map((s) => s.text);
  const textLocale = datasetLocale(locale);
  // The records were validated against the full schema when the dataset was installed.
  const localized = localizeDataset(data as unknown as StoredDataset, await loadTranslations(textLocale), textLocale);
  return buildContextView(localized.data, state.detection.families, state.detection.people, { url: state.url, phrases }, viewText(localized));
}
