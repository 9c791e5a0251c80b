/**
 * The open sidebar: context for each matched family, every statement attributed and one click from
 * its source. Pure component: data in through props, no browser APIs.
 */
import { speakerNames, type ContextView, type FamilyView } from '../lib/context-view';
import type { DetectionSummary } from '../lib/messages';
import type { Claim } from '../data/schema';
import { SourceLink, formatDate } from './SourceLink';

export interface SidebarProps {
  view: ContextView;
  detection: DetectionSummary;
  provenance: { version: string; dataAsOf: string; hash: string } | undefined;
  onCollapse: () => void;
}

export function Sidebar({ view, detection, provenance, onCollapse }: SidebarProps) {
  return (
    <div class="sidebar">
      <header class="bar">
        <h1>Backstory</h1>
        <button type="button" class="collapse" onClick={onCollapse} aria-label="Collapse the sidebar">
          ⟩
        </button>
      </header>
      <main>
        <p class="lede">
          Context from published reporting, with sources. Statements are attributed to whoever made them.
        </p>
        {view.families.map((f) => (
          <FamilySection key={f.family.id} view={view} family={f} />
        ))}
        <Why detection={detection} />
      </main>
      <footer>
        {provenance ? (
          <p>
            Dataset {provenance.version} · data as of {formatDate(provenance.dataAsOf)} ·{' '}
            <span title={provenance.hash}>#{provenance.hash.slice(0, 12)}</span>
          </p>
        ) : (
          <p>Dataset not installed yet.</p>
        )}
      </footer>
    </div>
  );
}

function FamilySection({ view, family: f }: { view: ContextView; family: FamilyView }) {
  const source = (id: string) => <SourceLink source={view.sources.get(id)} />;
  const speaker = (id: string) => view.speakers.get(id) ?? id;
  const headingId = `family-${f.family.id}`;
  return (
    <section class="family" aria-labelledby={headingId}>
      <h2 id={headingId}>{f.family.label}</h2>
      <h3>People</h3>
      <ul class="people">
        {f.people.map((p) => (
          <li key={p.id} class={view.recognised.has(p.id) ? 'recognised' : undefined}>
            <strong>{p.displayName}</strong>
            {view.recognised.has(p.id) ? <span class="tag">named on this page</span> : null}
            <div>{p.description}</div>
          </li>
        ))}
      </ul>
      {f.claims.length > 0 && (
        <>
          <h3>What the Chinese government claims</h3>
          <ul class="claims">
            {f.claims.map((c) => (
              <ClaimItem key={c.id} claim={c} speaker={speaker(c.claimant)} source={source(c.sourceId)} />
            ))}
          </ul>
        </>
      )}
      {f.responses.length > 0 && (
        <>
          <h3>What the family says</h3>
          <ul class="responses">
            {f.responses.map((r) => (
              <li key={r.id}>
                <p>{r.statement}</p>
                {r.quote && (
                  <blockquote lang={r.quote.lang}>
                    “{r.quote.text}” <cite>— {speakerNames(view.speakers, r.respondents)}</cite>
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
          <h3>Evidence</h3>
          <ul class="findings">
            {f.findings.map((x) => (
              <li key={x.id}>
                <p>{x.statement}</p>
                {source(x.sourceId)}
              </li>
            ))}
          </ul>
        </>
      )}
      {f.conduct.length > 0 && (
        <>
          <h3>Coaching and interrogation</h3>
          <ul class="conduct">
            {f.conduct.map((c) => (
              <li key={c.id}>
                <p>{c.statement}</p>
                {source(c.sourceId)}
              </li>
            ))}
          </ul>
        </>
      )}
      {f.events.length > 0 && (
        <>
          <h3>Timeline</h3>
          <ol class="timeline">
            {f.events.map((e) => (
              <li key={e.id}>
                <time dateTime={e.date.value}>{formatDate(e.date.value)}</time> {e.statement} {source(e.sourceId)}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function ClaimItem({ claim, speaker, source }: { claim: Claim; speaker: string; source: preact.ComponentChildren }) {
  return (
    <li>
      <p>{claim.statement}</p>
      <p class="meta">
        Claimed by {speaker}
        {claim.date ? `, ${formatDate(claim.date.value)}` : ''} · {source}
      </p>
    </li>
  );
}

function Why({ detection }: { detection: DetectionSummary }) {
  const shown = detection.signals.filter((s) => s.score > 0);
  return (
    <details class="why">
      <summary>Why am I seeing this?</summary>
      <p>{detection.reason}</p>
      <ul>
        {shown.map((s, i) => (
          <li key={i}>
            <span class={`strength ${s.strength}`}>{s.strength}</span> {s.label} — “{s.text}” ({s.origin}, +{s.score})
          </li>
        ))}
      </ul>
    </details>
  );
}
