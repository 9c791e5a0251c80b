import { it } from 'vitest';
import { corpusDetector, loadCorpus } from '../support/corpus';
it('one', () => {
  const det = corpusDetector();
  for (const e of loadCorpus()) {
    if (!e.file.includes(process.env.FILE!)) continue;
    const d = det.detect(e);
    console.log(e.file, d.matched, d.reason.slice(0, 200));
    for (const s of d.signals) console.log('  ', s.rule, s.decisive, s.label.slice(0, 120), JSON.stringify(s.text));
  }
  det.close();
});
