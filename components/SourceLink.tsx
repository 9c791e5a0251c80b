import type { Source } from '../core/dataset/schema';
import { safeHref } from '../core/dataset/context-view';

/** "CNN, 23 Apr 2021" linking to the source when it has a safe URL. */
export function SourceLink({ source }: { source: Source | undefined }) {
  // Publisher and date are English (like the dataset); dir="auto" isolates them in a right-to-left UI.
  if (!source) return <span class="source missing" lang="en" dir="auto">source unavailable</span>;
  const label = `${source.publisher}, ${formatDate(source.date.value)}`;
  const href = safeHref(source.url);
  return href ? (
    <a class="source" lang="en" dir="auto" href={href} target="_blank" rel="noopener noreferrer" title={source.title}>
      {label}
    </a>
  ) : (
    <span class="source" lang="en" dir="auto" title={source.note ?? source.title}>
      {label}
    </span>
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021-04-02" -> "2 Apr 2021", "2021-03" -> "Mar 2021", "2017" -> "2017": never more precise than known. */
export function formatDate(value: string): string {
  const [y, m, d] = value.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
