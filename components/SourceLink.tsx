import type { Source } from '../core/dataset/schema';
import { safeHref } from '../core/dataset/context-view';

/**
 * "CNN, 23 Apr 2021" ("CNN, 2021年4月23日" in Chinese) linking to the source when it has a safe URL.
 * `locale`: the language dates are written in (the dataset text's language).
 */
export function SourceLink({ source, locale = 'en' }: { source: Source | undefined; locale?: string }) {
  // dir="auto" isolates the publisher and date in a right-to-left UI.
  if (!source) return <span class="source missing" lang="en" dir="auto">source unavailable</span>;
  const label = `${source.publisher}, ${formatDate(source.date.value, locale)}`;
  const href = safeHref(source.url);
  const lang = dateLang(locale);
  return href ? (
    <a class="source" lang={lang} dir="auto" href={href} target="_blank" rel="noopener noreferrer" title={source.title}>
      {label}
    </a>
  ) : (
    <span class="source" lang={lang} dir="auto" title={source.note ?? source.title}>
      {label}
    </span>
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021-04-02" -> "2 Apr 2021", "2021-03" -> "Mar 2021", "2017" -> "2017": never more precise than known. */
/** Whether the browser can write dates in `locale` (Intl with its locale data); else they stay English. */
function canWrite(locale: string): boolean {
  try {
    return locale !== 'en' && Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

/** The `lang` of a date written by formatDate in `locale`. */
export function dateLang(locale = 'en'): string {
  return canWrite(locale) ? locale : 'en';
}

/**
 * A dataset date as precise as it is known: "2021", "Mar 2021", "2 Apr 2021", or the same in
 * `locale` ("2021年4月2日", "2 apr 2021", "2 Nis 2021"); a year alone is written as it is.
 */
export function formatDate(value: string, locale = 'en'): string {
  const [y, m, d] = value.split('-');
  if (!m) return y!;
  if (canWrite(locale)) {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, d ? Number(d) : 1));
    const parts: Intl.DateTimeFormatOptions = d ? { year: 'numeric', month: 'short', day: 'numeric' } : { year: 'numeric', month: 'short' };
    return new Intl.DateTimeFormat(locale, { ...parts, timeZone: 'UTC' }).format(date);
  }
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
