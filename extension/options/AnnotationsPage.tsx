/**
 * The options page's annotations: this page is a top-level extension page, so it opens the
 * extension's IndexedDB itself (extension/annotation-store.ts) and keeps the every-page filter
 * (annotated sites, storage.local) in step after each change. Every failure is shown: a StoreError's
 * message (quota, aborted transaction), or each problem of a refused import.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openStore, type DB } from '../store';
import { deleteAnnotation, filterAnnotations, listAll, restoreAnnotation, updateAnnotation } from '../annotation-store';
import { exportAnnotations, importAnnotations, type ImportProgress } from '../annotation-transfer';
import { ImportCancelled, ImportError, formatProblem } from '../../core/annotations/import';
import type { AnnotationRecord } from '../../core/annotations/model';
import { errorMessage, syncAnnotatedSites } from '../annotation-service';
import { AnnotationsPanel, type AnnotationQueryInput, type AnnotationsPanelProps } from '../../components/AnnotationsPanel';
import type { Translate } from '../../core/i18n';

/** Save a file through an object URL and a temporary <a download>. */
export function download(filename: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function AnnotationsManager({ t }: { t: Translate }) {
  const [db, setDb] = useState<DB | undefined>();
  const [records, setRecords] = useState<AnnotationRecord[]>([]);
  const [query, setQuery] = useState<AnnotationQueryInput>({ text: '', tag: '', site: '' });
  const [status, setStatus] = useState<AnnotationsPanelProps['status']>();
  const [alert, setAlert] = useState<AnnotationsPanelProps['alert']>();
  const [progress, setProgress] = useState<AnnotationsPanelProps['progress']>();

  const reload = async (d: DB) => setRecords(await listAll(d));

  useEffect(() => {
    let opened: DB | undefined;
    openStore()
      .then(async (d) => {
        opened = d;
        setDb(d);
        await reload(d);
      })
      .catch((e: unknown) => setAlert({ text: errorMessage(e) }));
    return () => opened?.close();
  }, []);

  const shown = useMemo(() => filterAnnotations(records, query), [records, query]);

  /** Run a change, then refresh the list and the every-page filter; a failure goes to the alert. */
  const change = async (work: (d: DB) => Promise<void>): Promise<boolean> => {
    if (!db) return false;
    setAlert(undefined);
    try {
      await work(db);
      return true;
    } catch (e) {
      if (e instanceof ImportCancelled) setStatus({ text: t('options.importCancelled') });
      else {
        if (e instanceof ImportError) setAlert({ text: t('options.importFailed'), problems: e.problems.map(formatProblem) });
        else setAlert({ text: errorMessage(e) });
        setStatus(undefined);
      }
      return false;
    } finally {
      setProgress(undefined);
      await reload(db).catch(() => undefined);
      await syncAnnotatedSites(db, browser.storage.local).catch(() => undefined);
    }
  };

  return (
    <AnnotationsPanel
      shown={shown}
      total={records.length}
      query={query}
      onQuery={setQuery}
      status={status}
      alert={alert}
      progress={progress}
      t={t}
      onEdit={(id, edit) =>
        change(async (d) => {
          await updateAnnotation(d, id, edit);
          setStatus({ text: t('options.saved') });
        })
      }
      onDelete={(id) =>
        void change(async (d) => {
          const deleted = await deleteAnnotation(d, id);
          if (!deleted) return;
          const undo = () =>
            void change(async (d2) => {
              await restoreAnnotation(d2, deleted);
              setStatus({ text: t('options.restored') });
            });
          setStatus({ text: t('options.deleted'), undo });
        })
      }
      onExport={(format) =>
        void change(async (d) => {
          const label = t('options.exporting');
          const file = await exportAnnotations(d, format, new Date(), {
            onProgress: ({ phase, done, total }) =>
              setProgress({ label, text: t(phase === 'reading' ? 'options.phase.exportReading' : 'options.phase.exporting', { done, total }), done, total }),
          });
          download(file.filename, file.mimeType, file.text);
          setStatus({ text: t('options.exported', { n: file.count, file: file.filename }) });
        })
      }
      onImport={(file) =>
        void change(async (d) => {
          const cancel = new AbortController();
          const label = t('options.importing');
          const onCancel = () => cancel.abort();
          const onProgress = ({ phase, done, total }: ImportProgress) =>
            // Undoing cannot be cancelled: the store must end as it was.
            setProgress({ label, text: t(`options.phase.${phase}`, { done, total }), done, total, ...(phase === 'undoing' ? {} : { onCancel }) });
          const summary = await importAnnotations(d, file, { onProgress, signal: cancel.signal });
          setStatus({ text: t('options.imported', { ...summary }) });
        })
      }
    />
  );
}
