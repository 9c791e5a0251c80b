/**
 * What the UI tests share: the dataset as the extension's pages get it, and a container for each test
 * that is rendered into and removed after it.
 */
import { afterEach, beforeEach } from 'vitest';
import { render } from 'preact';
import type { Dataset, StoredDataset } from '../../core/dataset/schema';

/** A dataset's records as the extension's pages get them (no meta, no detection signals). */
export function storedRecords({ meta: _meta, signals: _signals, ...records }: Dataset): StoredDataset {
  return records;
}

/** A fresh element in the document for each test (handed to `set`), emptied by Preact and removed after it. */
export function useContainer(set: (container: HTMLElement) => void): void {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    set(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });
}
