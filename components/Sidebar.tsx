/**
 * The open sidebar: context for each matched family, every statement attributed and one click from
 * its source. Pure component: data in through props, no browser APIs.
 *
 * Dataset text is written in English; it carries lang="en" and dir="auto", so it reads correctly
 * inside a Chinese UI and any right-to-left text in it lays out on its own.
 */
import type { ComponentChildren } from 'preact';
import { speakerNames, type ContextView, type FamilyView } from '../core/dataset/context-view';
import type { DetectionSummary } from '../core/messages/records';
import type { Claim, MediaItem } from '../core/dataset/schema';
import { translator, type Translate } from '../core/i18n';
import { SourceLink, formatDate } from './SourceLink';
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
  /** The page's annotations section (issue 6), shown first when given. */
  annotations?: ComponentChildren;
}

const english = translator('en');

/** Dataset text: English, direction from its content. */
function Data({ children, as: Tag = 'p' }: { children: ComponentChildren; as?: 'p' | 'span' | 'div' }) {
  return (
    <Tag lang="en" dir="auto">
      {children}
    </Tag>
  );
}

export function Sidebar({ view, detection, provenance, onCollapse, onDismiss, onSidePanel, onJump, t = english, locale = 'en', annotations }: SidebarProps) {
  return (
    <div class="sidebar">
      <SidebarBar t={t} onCollapse={onCollapse} onDismiss={onDismiss} onSidePanel={onSidePanel} />
      <main aria-label={t('sidebar.label')}>
        {annotations}
        <p class="lede">{t('sidebar.lede')}</p>
        {locale !== 'en' && <p class="note">{t('sidebar.datasetLanguage')}</p>}
        {view.mediaOnPage.length > 0 && <MediaSection view={view} items={view.mediaOnPage} t={t} />}
        {view.families.map((f) => (
          <FamilySection key={f.family.id} view={view} family={f} t={t} />
        ))}
        {view.storyClaims.length > 0 && (
          <section aria-labelledby="story-context">
            <h2 id="story-context">{t('sidebar.context')}</h2>
            <ul class="story-claims">
              {view.storyClaims.map((c) => (
                <ClaimItem key={c.id} claim={c} view={view} t={t} />
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="sources-title">
          <h2 id="sources-title">{t('sidebar.sources')}</h2>
          <ul class="sources">
            {view.citedSources.map((s) => (
              <li key={s.id}>
                <Data as="span">{s.title}</Data> — <SourceLink source={s} />
                {!s.url && s.note ? <Data>{s.note}</Data> : null}
              </li>
            ))}
          </ul>
        </section>
        <Why detection={detection} onJump={onJump} t={t} />
      </main>
      <footer>
        {provenance ? (
          <p>
            {t('sidebar.footer', { version: provenance.version, date: formatDate(provenance.dataAsOf) })} ·{' '}
            <span title={provenance.hash}>#{provenance.hash.slice(0, 12)}</span>
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
  const source = (id: string) => <SourceLink source={view.sources.get(id)} />;
  const speakers = (ids: string[]) => speakerNames(view.speakers, ids);
  const headingId = `family-${f.family.id}`;
  const government = f.claims.filter((c) => isGovernmentClaim(view, c));
  const others = f.claims.filter((c) => !isGovernmentClaim(view, c));
  return (
    <section class="family" aria-labelledby={headingId}>
      <h2 id={headingId} lang="en">
        {f.family.label}
      </h2>
      <Data>{f.family.summary}</Data>
      <h3>{t('sidebar.people')}</h3>
      <ul class="people">
        {f.people.map((p) => (
          <li key={p.id} class={view.recognised.has(p.id) ? 'recognised' : undefined}>
            <strong lang="en">{p.displayName}</strong>
            {p.minor ? <span class="tag">{t('sidebar.minor')}</span> : null}
            {view.recognised.has(p.id) ? <span class="tag named">{t('sidebar.namedHere')}</span> : null}
            {(f.relations.get(p.id) ?? []).length > 0 && <Data as="div">{f.relations.get(p.id)!.join('; ')}</Data>}
            <Data as="div">{p.description}</Data>
          </li>
        ))}
      </ul>
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
              <li key={r.id}>
                <Data>{r.statement}</Data>
                {r.quote && (
                  <blockquote lang={r.quote.lang} dir="auto">
                    “{r.quote.text}” <cite>— {speakers(r.respondents)}</cite>
                  </blockquote>
                )}
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
              <li key={x.id}>
                <Data>{x.statement}</Data>
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
              <li key={c.id}>
                <Data>{c.statement}</Data>
                <p class="meta">
                  {t('sidebar.reportedBy', { who: speakers([c.reportedBy]) })}
                  {c.date ? `, ${formatDate(c.date.value)}` : ''} · {source(c.sourceId)}
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
      {f.events.length > 0 && (
        <>
          <h3>{t('sidebar.timeline')}</h3>
          <ol class="timeline">
            {f.events.map((e) => (
              <li key={e.id}>
                <time dateTime={e.date.value}>{formatDate(e.date.value)}</time> <Data as="span">{e.statement}</Data>{' '}
                {source(e.sourceId)}
              </li>
            ))}
          </ol>
        </>
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
          <h3 lang="en">{m.title}</h3>
          <Data>{m.description}</Data>
          <ul>
            {m.conductIds.map((id) => conductById.get(id)).filter((c) => !!c).map((c) => (
              <li key={c.id}>
                <Data as="span">{c.statement}</Data> <SourceLink source={view.sources.get(c.sourceId)} />
              </li>
            ))}
          </ul>
          <SourceLink source={view.sources.get(m.sourceId)} />
        </div>
      ))}
    </section>
  );
}

function ClaimItem({ claim, view, t }: { claim: Claim; view: ContextView; t: Translate }) {
  return (
    <li>
      <Data>{claim.statement}</Data>
      {claim.quote && (
        <blockquote lang={claim.quote.lang} dir="auto">
          “{claim.quote.text}”
        </blockquote>
      )}
      <p class="meta">
        {t('sidebar.claimedBy', { who: speakerNames(view.speakers, [claim.claimant]) })}
        {claim.date ? `, ${formatDate(claim.date.value)}` : ''} · <SourceLink source={view.sources.get(claim.sourceId)} />
      </p>
    </li>
  );
}

function Why({ detection, onJump, t }: { detection: DetectionSummary; onJump: ((i: number) => void) | undefined; t: Translate }) {
  return (
    <details class="why">
      <summary>{t('sidebar.why')}</summary>
      <p lang="en">{detection.reason}</p>
      <ul>
        {detection.signals.map((s, i) =>
          s.score > 0 ? (
            <li key={i}>
              <span class={`strength ${s.strength}`}>{s.strength}</span> <span lang="en">{s.label}</span> — “{s.text}” ({s.origin}, +{s.score})
              {onJump && s.origin !== 'url' && (
                <>
                  {' '}
                  <button type="button" class="jump" onClick={() => onJump(i)}>
                    {t('sidebar.jump')}
                  </button>
                </>
              )}
            </li>
          ) : null,
        )}
      </ul>
    </details>
  );
}
