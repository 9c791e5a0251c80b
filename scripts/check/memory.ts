/** Memory of a checker run: this Node process, and every process it started (the browser). Linux only. */
import { readFileSync, readdirSync } from 'node:fs';

/** RSS of every process descending from this one (the browser and its renderers), in bytes. */
export function browserRss(): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      rss.set(Number(entry), pages * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface MemorySample {
  /** Pages done when sampled. */
  at: number;
  /** Seconds since the run started. */
  seconds: number;
  nodeRss: number;
  nodeHeap: number;
  browserRss: number;
}

export function sampleMemory(at: number, seconds: number): MemorySample {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { at, seconds, nodeRss: m.rss, nodeHeap: m.heapUsed, browserRss: browserRss() };
}

export const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
