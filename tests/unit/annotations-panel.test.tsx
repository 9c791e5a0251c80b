/**
 * The options page's annotations panel with a large store: it draws rows a step at a time, and
 * shows a running import's progress with its label, its text and Cancel.
 */
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { AnnotationsPanel, ROWS_PER_STEP, type AnnotationsPanelProps } from '../../components/AnnotationsPanel';
import { createAnnotation } from '../../core/annotations/model';
import { translator } from '../../core/i18n';
import { useContainer } from '../support/ui';

const COUNT = ROWS_PER_STEP * 2 + 50;
const records = Array.from({ length: COUNT }, (_, i) => createAnnotation({ url: `https://example.org/p${i}`, note: `note ${i}`, now: new Date(Date.UTC(2024, 0, 1) + i) }));

describe('AnnotationsPanel', () => {
  let container: HTMLElement;
  const props = (over: Partial<AnnotationsPanelProps> = {}): AnnotationsPanelProps => ({
    shown: records,
    total: COUNT,
    query: { text: '', tag: '', site: '' },
    onQuery: () => undefined,
    onEdit: async () => true,
    onDelete: () => undefined,
    onExport: () => undefined,
    onImport: () => undefined,
    t: translator('en'),
    ...over,
  });
  const button = (name: RegExp) => [...container.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));

  useContainer((el) => (container = el));

  it('draws a step of rows at a time, with a button for the next ones, and counts them all', async () => {
    await act(() => render(<AnnotationsPanel {...props()} />, container));
    expect(container.querySelectorAll('li.annotation')).toHaveLength(ROWS_PER_STEP);
    expect(container.textContent).toContain(`${COUNT} of ${COUNT} annotations`);
    await act(() => button(new RegExp(`^Show ${ROWS_PER_STEP} more$`))!.click());
    expect(container.querySelectorAll('li.annotation')).toHaveLength(2 * ROWS_PER_STEP);
    await act(() => button(/^Show 50 more$/)!.click());
    expect(container.querySelectorAll('li.annotation')).toHaveLength(COUNT);
    expect(button(/^Show \d+ more$/)).toBeUndefined();
  });

  it('names the author of an imported annotation, and says when it is a reply', async () => {
    const reply = { ...records[0]!, creator: { id: 'acct:jun.ito@hypothes.is', name: 'Jun Ito' }, references: ['https://hypothes.is/a/b8TnzB_wEe-Cq8-bvIW1pA'] };
    await act(() => render(<AnnotationsPanel {...props({ shown: [reply, records[1]!], total: 2 })} />, container));
    const [first, second] = container.querySelectorAll('li.annotation');
    expect(first!.textContent).toContain('by Jun Ito · a reply');
    expect(second!.textContent).not.toMatch(/ by |a reply/);
  });

  it('shows a running import as a labelled progress bar with Cancel, and disables import and export meanwhile', async () => {
    const onCancel = vi.fn();
    await act(() => render(<AnnotationsPanel {...props({ progress: { label: 'Import progress', text: 'Saving annotations: 4000 of 100000', done: 4000, total: 100_000, onCancel } })} />, container));
    const bar = container.querySelector('progress')!;
    expect(bar.labels?.[0]?.textContent ?? container.querySelector(`label[for="${bar.id}"]`)?.textContent).toBe('Import progress');
    expect([bar.value, bar.max, bar.getAttribute('aria-valuetext')]).toEqual([4000, 100_000, 'Saving annotations: 4000 of 100000']);
    expect(container.querySelector<HTMLInputElement>('input[type=file]')!.disabled).toBe(true);
    expect(button(/^Export annotations$/)!.disabled).toBe(true);
    button(/^Cancel import$/)!.click();
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
