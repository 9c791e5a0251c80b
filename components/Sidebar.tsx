/**
 * The open sidebar: context for each matched family, every statement attributed and one click from
 * its source. Pure component: data in through props, no browser APIs.
 *
 * Dataset text comes in the reader's language where the dataset has a translation (view.text, see
 * core/dataset/localize.ts), each text with its own lang (English where it fell back); quotes stay as
 * said, with the dataset's translation beside them. Every text carries dir="auto", so right-to-left
 * text lays out on its own.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { speakerNames, textPath, type ContextView, type FamilyView } from '../core/dataset/context-view';
import { shareText } from '../core/dataset/share-text';
import type { DetectionSummary, SignalSummary } from '../core/messages/records';
import type { Claim, Conduct, Event, EvidenceFinding, MediaItem, Response } from '../core/dataset/schema';
import { RULE } from '../core/detect/rules';
import { translator, type MessageKey, type Translate } from '../core/i18n';
import { SourceLink, dateLang, formatDate } from './SourceLink';
import { SidebarBar } from './SidebarBar';

export interface SidebarProps {
  view: ContextView;
  detection: DetectionSummary;
  provenance: { version: string; dataAsOf: string; hash: string } | undefined;
  onCollapse: () => void;
  onDismiss?: () => void;
  /** Show the context in the browser's own side panel instead (where the browser has one). */
  onSidePanel?: () => void;
  /** Scroll the page to where a signal was found (index into detection.signals). */
  onJump?: (signal: number) => void;
  t?: Translate;
  /** The UI language; dataset text is marked English when the UI is not. */
  locale?: string;
  /** The page's annotations section (issue 6), shown right after the key context when given. */
  annotations?: ComponentChildren;
  /**
   * Write plain text to the clipboard ("Copy context"); the button is shown only when given. The
   * component stays pure: the page that mounts it owns the clipboard.
   */
  onCopy?: (text: string) => Promise<void>;
}

const english = translator('en');

/** Dataset text: in its own language (English unless the view is localized), direction from its content. */
function Data({ children, as: Tag = 'p', lang = 'en' }: { children: ComponentChildren; as?: 'p' | 'span' | 'div'; lang?: string }) {
  return (
    <Tag lang={lang} dir="auto">
      {children}
    </Tag>
  );
}

/** The lang of a record's text field as the view shows it (core/dataset/localize.ts). */
const langOf = (view: ContextView, collection: string, id: string, field: string) => view.text.lang(textPath(collection, id, field));

/** A quote as said, and the dataset's translation of it in the reader's language, marked as such. */
function Quote({ view, path, quote, cite }: { view: ContextView; path: string; quote: { text: string; lang: string }; cite?: string }) {
  const translation = view.text.quote(path);
  return (
    <blockquote lang={quote.lang} dir="auto">
      “{quote.text}”
      {cite ? (
        <>
          {' '}
          <cite>— {cite}</cite>
        </>
      ) : null}
      {translation && (
        <span class="quote-translation" lang={translation.lang} dir="auto">
          {' '}
          “{translation.text}” ({translation.label})
        </span>
      )}
    </blockquote>
  );
}

export function Sidebar({ view, detection, provenance, onCollapse, onDismiss, onSidePanel, onJump, t = english, locale = 'en', annotations, onCopy }: SidebarProps) {
  return (
    <div class="sidebar">
      <SidebarBar t={t} onCollapse={onCollapse} onDismiss={onDismiss} onSidePanel={onSidePanel} />
      <main aria-label={t('sidebar.label')}>
        {locale !== 'en' && (view.text.locale === 'en' || view.text.fallbacks > 0) && <p class="note">{t('sidebar.datasetLanguage')}</p>}
        <KeyContextSection view={view} t={t} onCopy={onCopy} />
        {annotations}
        <p class="lede">{t('sidebar.lede')}</p>
        {view.mediaOnPage.length > 0 && <MediaSection view={view} items={view.mediaOnPage} t={t} />}
        {view.families.map((f) => (
          <FamilySection key={f.family.id} view={view} family={f} t={t} />
        ))}
        {(view.storyClaims.length > 0 || view.storyEvents.length > 0) && (
          <section aria-labelledby="story-context">
            <h2 id="story-context">{t('sidebar.context')}</h2>
            {view.storyClaims.length > 0 && (
              <ul class="story-claims">
                {view.storyClaims.map((c) => (
                  <ClaimItem key={c.id} claim={c} view={view} t={t} />
                ))}
              </ul>
            )}
            {view.storyEvents.length > 0 && (
              <>
                <h3>{t('sidebar.timeline')}</h3>
                <Timeline view={view} events={view.storyEvents} />
              </>
            )}
          </section>
        )}
        <section aria-labelledby="sources-title">
          <h2 id="sources-title">{t('sidebar.sources')}</h2>
          <ul class="sources">
            {view.citedSources.map((s) => (
              <li key={s.id}>
                <Data as="span" lang={langOf(view, 'sources', s.id, 'title')}>{s.title}</Data> — <SourceLink source={s} locale={view.text.locale} />
                {!s.url && s.note ? <Data lang={langOf(view, 'sources', s.id, 'note')}>{s.note}</Data> : null}
              </li>
            ))}
          </ul>
        </section>
        <Why detection={detection} view={view} onJump={onJump} t={t} />
      </main>
      <footer>
        {provenance ? (
          <p>
            {t('sidebar.footer', { version: provenance.version, date: formatDate(provenance.dataAsOf, view.text.locale) })} ·{' '}
            <span title={provenance.hash} dir="ltr">#{provenance.hash.slice(0, 12)}</span>
          </p>
        ) : (
          <p>{t('sidebar.noDataset')}</p>
        )}
      </footer>
    </div>
  );
}

/** Claims by a government (in this story, the Chinese government's statement) get their own section. */
function isGovernmentClaim(view: ContextView, c: Claim): boolean {
  return view.actorKinds.get(c.claimant) === 'government';
}

function FamilySection({ view, family: f, t }: { view: ContextView; family: FamilyView; t: Translate }) {
  const source = (id: string) => <SourceLink source={view.sources.get(id)} locale={view.text.locale} />;
  const speakers = (ids: string[]) => speakerNames(view.speakers, ids, view.text.and);
  const headingId = `family-${f.family.id}`;
  const government = f.claims.filter((c) => isGovernmentClaim(view, c));
  const others = f.claims.filter((c) => !isGovernmentClaim(view, c));
  return (
    <section class="family" aria-labelledby={headingId}>
      <h2 id={headingId} lang={langOf(view, 'families', f.family.id, 'label')} dir="auto">
        {f.family.label}
      </h2>
      <Data lang={langOf(view, 'families', f.family.id, 'summary')}>{f.family.summary}</Data>
      <h3>{t('sidebar.people')}</h3>
      <ul class="people">
        {f.people.map((p) => (
          <li key={p.id} class={view.recognised.has(p.id) ? 'recognised' : undefined}>
            <strong lang={langOf(view, 'people', p.id, 'displayName')} dir="auto">{p.displayName}</strong>
            {view.text.latinName(p.id) ? (
              <>
                {' '}
                <bdi lang="ug-Latn" dir="ltr">
                  ({view.text.latinName(p.id)})
                </bdi>
              </>
            ) : null}
            {p.minor ? <span class="tag">{t('sidebar.minor')}</span> : null}
            {view.recognised.has(p.id) ? <span class="tag named">{t('sidebar.namedHere')}</span> : null}
            {(f.relations.get(p.id) ?? []).length > 0 && (
              <Data as="div" lang={langOf(view, 'people', p.id, 'displayName')}>
                <span class="relations">{f.relations.get(p.id)!.join('; ')}</span>
              </Data>
            )}
            <Data as="div" lang={langOf(view, 'people', p.id, 'description')}>{p.description}</Data>
          </li>
        ))}
      </ul>
      {f.events.length > 0 && (
        <>
          <h3>{t('sidebar.timeline')}</h3>
          <Timeline view={view} events={f.events} />
        </>
      )}
      {government.length > 0 && (
        <>
          <h3>{t('sidebar.governmentClaims')}</h3>
          <ul class="claims">
            {government.map((c) => (
              <ClaimItem key={c.id} claim={c} view={view} t={t} />
            ))}
          </ul>
        </>
      )}
      {f.responses.length > 0 && (
        <>
          <h3>{t('sidebar.familySays')}</h3>
          <ul class="responses">
            {f.responses.map((r) => (
              <li key={r.id} data-id={r.id}>
                <Data lang={langOf(view, 'responses', r.id, 'statement')}>{r.statement}</Data>
                {r.quote && <Quote view={view} path={textPath('responses', r.id, 'quote')} quote={r.quote} cite={speakers(r.respondents)} />}
                {source(r.sourceId)}
              </li>
            ))}
          </ul>
        </>
      )}
      {f.findings.length > 0 && (
        <>
          <h3>{t('sidebar.evidence')}</h3>
          <ul class="findings">
            {f.findings.map((x) => (
              <li key={x.id} data-id={x.id}>
                <Data lang={langOf(view, 'findings', x.id, 'statement')}>{x.statement}</Data>
                <p class="meta">
                  {t('sidebar.reportedBy', { who: speakers([x.reportedBy]) })} · {source(x.sourceId)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {f.conduct.length > 0 && (
        <>
          <h3>{t('sidebar.conduct')}</h3>
          <ul class="conduct">
            {f.conduct.map((c) => (
              <li key={c.id} data-id={c.id}>
                <Data lang={langOf(view, 'conduct', c.id, 'statement')}>{c.statement}</Data>
                <p class="meta">
                  {t('sidebar.reportedBy', { who: speakers([c.reportedBy]) })}
                  {c.date ? <>, <bdi lang={dateLang(view.text.locale)}>{formatDate(c.date.value, view.text.locale)}</bdi></> : ''} · {source(c.sourceId)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <>
          <h3>{t('sidebar.otherClaims')}</h3>
          <ul class="other-claims">
            {others.map((c) => (
              <ClaimItem key={c.id} claim={c} view={view} t={t} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Events in date order, each date as precise as it is known ("2021", "Mar 2021", "2 Apr 2021"). */
function Timeline({ view, events }: { view: ContextView; events: Event[] }) {
  return (
    <ol class="timeline">
      {events.map((e) => (
        <li key={e.id} data-id={e.id}>
          <time dateTime={e.date.value} lang={dateLang(view.text.locale)} dir="auto">{formatDate(e.date.value, view.text.locale)}</time> <Data as="span" lang={langOf(view, 'events', e.id, 'statement')}>{e.statement}</Data>{' '}
          <SourceLink source={view.sources.get(e.sourceId)} locale={view.text.locale} />
        </li>
      ))}
    </ol>
  );
}

type KeyRecord = Claim | Response | EvidenceFinding | Conduct;
const KEY_COLLECTION = { claim: 'claims', answer: 'responses', evidence: 'findings', conduct: 'conduct' } as const;

/** One key line: what kind of line it is (and when, for a claim), the statement, its source. */
function KeyLine({ kind, record, view, t, date }: { kind: 'claim' | 'answer' | 'evidence' | 'conduct'; record: KeyRecord; view: ContextView; t: Translate; date?: string | undefined }) {
  return (
    <li class={`key-line key-${kind}`} data-id={record.id}>
      <span class="key-label">
        {t(`sidebar.key.${kind}`)}
        {date ? (
          <>
            {' · '}
            <time dateTime={date} lang={dateLang(view.text.locale)} dir="auto">{formatDate(date, view.text.locale)}</time>
          </>
        ) : null}
      </span>{' '}
      <Data as="span" lang={langOf(view, KEY_COLLECTION[kind], record.id, 'statement')}>{record.statement}</Data> <SourceLink source={view.sources.get(record.sourceId)} locale={view.text.locale} />
    </li>
  );
}

/**
 * The first screen: per family, four lines (the government's claim and its date, the parents'
 * answer, CNN's finding that no evidence was given, the coaching and interrogation CNN reported),
 * each one click from its source. A finding about every family's parents is shown once, after them.
 */
function KeyContextSection({ view, t, onCopy }: { view: ContextView; t: Translate; onCopy: ((text: string) => Promise<void>) | undefined }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const families = view.families.filter((f) => f.key.claim || f.key.response || f.key.finding || f.key.conduct.length);
  if (families.length === 0) return null;
  const shared = families.length > 1 && families.slice(1).every((f) => f.findingShared) ? families[0]!.key.finding : undefined;
  const copy = () => {
    if (!onCopy) return;
    const text = shareText(view, { heading: t('share.heading'), shared: t('sidebar.key.both'), sources: t('sidebar.sources') });
    onCopy(text).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  };
  return (
    <section class="key" aria-labelledby="key-title">
      <h2 id="key-title">{t('sidebar.key.title')}</h2>
      {families.map((f) => (
        <div key={f.family.id} class="key-family" data-family={f.family.id}>
          {families.length > 1 && (
            <h3 class="key-family-label" lang={langOf(view, 'families', f.family.id, 'label')} dir="auto">
              {f.family.label}
            </h3>
          )}
          <ul class="key-lines">
            {f.key.claim && <KeyLine kind="claim" record={f.key.claim} view={view} t={t} date={f.key.claim.date?.value} />}
            {f.key.response && <KeyLine kind="answer" record={f.key.response} view={view} t={t} />}
            {f.key.finding && !shared && !f.findingShared && <KeyLine kind="evidence" record={f.key.finding} view={view} t={t} />}
            {f.key.conduct.map((c) => (
              <KeyLine key={c.id} kind="conduct" record={c} view={view} t={t} />
            ))}
          </ul>
        </div>
      ))}
      {shared && (
        <div class="key-family key-shared">
          <h3 class="key-family-label">{t('sidebar.key.both')}</h3>
          <ul class="key-lines">
            <KeyLine kind="evidence" record={shared} view={view} t={t} />
          </ul>
        </div>
      )}
      {onCopy && (
        <div class="copy">
          <button type="button" class="copy-context" onClick={copy}>
            {t('sidebar.copy')}
          </button>
          <p class="copy-status" role="status" aria-live="polite">
            {status === 'copied' ? t('sidebar.copied') : status === 'failed' ? t('sidebar.copyFailed') : ''}
          </p>
        </div>
      )}
    </section>
  );
}

function MediaSection({ view, items, t }: { view: ContextView; items: MediaItem[]; t: Translate }) {
  const conductById = new Map(view.families.flatMap((f) => f.conduct.map((c) => [c.id, c] as const)));
  return (
    <section class="media" aria-labelledby="media-title">
      <h2 id="media-title">{t('sidebar.media')}</h2>
      {items.map((m) => (
        <div key={m.id} class="media-item">
          <h3 lang={langOf(view, 'media', m.id, 'title')} dir="auto">{m.title}</h3>
          <Data lang={langOf(view, 'media', m.id, 'description')}>{m.description}</Data>
          <ul>
            {m.conductIds.map((id) => conductById.get(id)).filter((c) => !!c).map((c) => (
              <li key={c.id}>
                <Data as="span" lang={langOf(view, 'conduct', c.id, 'statement')}>{c.statement}</Data> <SourceLink source={view.sources.get(c.sourceId)} locale={view.text.locale} />
              </li>
            ))}
          </ul>
          <SourceLink source={view.sources.get(m.sourceId)} locale={view.text.locale} />
        </div>
      ))}
    </section>
  );
}

function ClaimItem({ claim, view, t }: { claim: Claim; view: ContextView; t: Translate }) {
  return (
    <li data-id={claim.id}>
      <Data lang={langOf(view, 'claims', claim.id, 'statement')}>{claim.statement}</Data>
      {claim.quote && <Quote view={view} path={textPath('claims', claim.id, 'quote')} quote={claim.quote} />}
      <p class="meta">
        {t('sidebar.claimedBy', { who: speakerNames(view.speakers, [claim.claimant], view.text.and) })}
        {claim.date ? <>, <bdi lang={dateLang(view.text.locale)}>{formatDate(claim.date.value, view.text.locale)}</bdi></> : ''} · <SourceLink source={view.sources.get(claim.sourceId)} locale={view.text.locale} />
      </p>
    </li>
  );
}

/**
 * "Why am I seeing this?": each rule that made the match, in a reader's words, why that rule is
 * evidence, and what it found where (with a way to see it on the page); then what only supported it.
 */
function Why({ detection, view, onJump, t }: { detection: DetectionSummary; view: ContextView; onJump: ((i: number) => void) | undefined; t: Translate }) {
  // A child's name as the page wrote it may carry a surname: show the child's first name instead.
  const minors = new Map(view.families.flatMap((f) => f.people.filter((p) => p.minor).map((p) => [p.id, p.displayName] as const)));
  const shown = (s: SignalSummary) => (s.personId && minors.has(s.personId) ? minors.get(s.personId)! : s.text);
  const indexed = detection.signals.map((s, i) => [s, i] as const);
  const decisive = indexed.filter(([s]) => s.decisive && s.score > 0);
  const support = indexed.filter(([s]) => !s.decisive && s.score > 0);
  // One entry per rule, in the order the detector reports them, with everything it found.
  const byRule = new Map<SignalSummary['rule'], Array<readonly [SignalSummary, number]>>();
  for (const entry of decisive) byRule.set(entry[0].rule, [...(byRule.get(entry[0].rule) ?? []), entry]);
  const rules = [...byRule];
  const where = (s: SignalSummary) => t(`why.origin.${s.origin}` as MessageKey);
  const jump = (s: SignalSummary, i: number) =>
    onJump && s.origin !== 'url' ? (
      <>
        {' '}
        <button type="button" class="jump" onClick={() => onJump(i)}>
          {t('sidebar.jump')}
        </button>
      </>
    ) : null;
  return (
    <details class="why">
      <summary>{t('sidebar.why')}</summary>
      {decisive.length > 0 ? (
        <>
          <p>{t('why.intro')}</p>
          <ul class="why-rules">
            {rules.map(([rule, found]) => (
              <li key={rule} data-rule={rule}>
                <strong class="rule-label">{t(`rule.${rule}` as MessageKey)}</strong>
                <p class="rule-reason" lang="en" dir="auto">
                  {RULE[rule].reason}
                </p>
                {found.map(([s, i]) => (
                  <p key={i} class="evidence">
                    {t('why.evidence', { text: shown(s), where: where(s) })}
                    {jump(s, i)}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p lang="en" dir="auto">{detection.reason || t('why.noSignals')}</p>
      )}
      {support.length > 0 && (
        <>
          <p>{t('why.support')}</p>
          <ul class="why-support">
            {support.map(([s, i]) => (
              <li key={i} data-rule={s.rule}>
                {t(`rule.${s.rule}` as MessageKey)}: “<bdi>{shown(s)}</bdi>”, {where(s)}
                {jump(s, i)}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
