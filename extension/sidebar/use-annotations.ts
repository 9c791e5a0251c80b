/**
 * The sidebar's annotations: the tab's list and draft from the background, refreshed whenever the
 * background changes the tab's annotation state (a new selection to annotate, a save, statuses from
 * the page), and the calls the form and the list make.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseMessage } from '../../core/messages/to-content';
import { AnnotationsView, SaveResult, annotationStateKey } from '../../core/messages/records';
import { type SidebarAnnotationsToBackground } from '../../core/messages/to-background';
import type { AnnotationDraftContent } from '../../components/AnnotationsSection';

const send = (message: SidebarAnnotationsToBackground) => browser.runtime.sendMessage(message);

export function useAnnotations(tabId: number | undefined) {
  const [view, setView] = useState<AnnotationsView | undefined>();

  useEffect(() => {
    if (tabId === undefined) return undefined;
    let alive = true;
    const refresh = () =>
      void send({ type: 'annotations-get' }).then((r) => {
        if (alive) setView(parseMessage(AnnotationsView, r));
      });
    refresh();
    const key = annotationStateKey(tabId);
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && key in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);

  return {
    view,
    save: async (content: AnnotationDraftContent): Promise<SaveResult> =>
      parseMessage(SaveResult, await send({ type: 'annotation-save', ...content })) ?? { ok: false, error: 'Backstory did not answer; the annotation was not saved.' },
    cancel: () => void send({ type: 'annotation-cancel' }),
    jump: (id: string) => void send({ type: 'annotation-jump', id }),
  };
}
