/**
 * A page opened in the seconds after install, before the background has stored the index: wait for
 * the prefilter's record to be written (a storage change), for a bounded time, instead of giving up.
 */
import { MATCH_GATE_KEY, isMatchGate, type MatchGate } from '../../core/detect/match-index';
import type { WatchContext, WatchPorts } from './ports';

/** The prefilter's record once the background stores it, or undefined after `ms`. */
export function indexStored(ctx: WatchContext, ports: WatchPorts, ms: number): Promise<MatchGate | undefined> {
  return new Promise((resolve) => {
    const stop = ports.onStored(MATCH_GATE_KEY, (value) => {
      if (!isMatchGate(value)) return;
      stop();
      resolve(value);
    });
    ctx.setTimeout(() => {
      stop();
      resolve(undefined);
    }, ms);
    ctx.onInvalidated(stop);
  });
}
