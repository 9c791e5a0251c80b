/** The slim tab at the page edge: a one-line summary that opens the sidebar. */
export function CollapsedTab({ people, onOpen }: { people: number; onOpen: () => void }) {
  const summary = people === 1 ? 'Context: 1 person in this story' : people > 1 ? `Context: ${people} people in this story` : 'Context for this story';
  return (
    <button type="button" class="tab" onClick={onOpen} aria-label={`${summary}. Open Backstory`}>
      <span class="tab-text">{summary}</span>
    </button>
  );
}
