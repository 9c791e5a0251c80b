/**
 * The records every page's watch reads first, in one storage.local call: the prefilter's part of the
 * index, the reader's settings, the sites with annotations. In Chromium, content/api-guard.js begins
 * this read at document_start (the build writes these keys into it: wxt.config.ts), so that it is done
 * by the time the content script starts at document_idle.
 */
import { ANNOTATED_SITES_KEY } from '../../core/annotations/annotated-sites';
import { MATCH_GATE_KEY } from '../../core/detect/match-index';
import { SETTINGS_KEY } from '../../core/settings';

export const START_KEYS: readonly string[] = [MATCH_GATE_KEY, SETTINGS_KEY, ANNOTATED_SITES_KEY];
