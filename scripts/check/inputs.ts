/**
 * From the command line's inputs to the list of pages to open: files (served at a URL the tester
 * chooses), directories, list files and live URLs; and the expectations to hold them to.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError, type CheckOptions } from './args';
import type { Expectation } from './report-schema';

export interface PageSpec {
  /** How the page is named in reports: a path relative to the working directory, or the URL. */
  name: string;
  /** Absolute path of the local file, or undefined for a live URL. */
  file?: string;
  url: string;
  expect?: Expectation;
  /** 1-based position in the whole (unsharded) page list: screenshot names stay unique across shards. */
  ordinal?: number;
}

export const DEFAULT_ORIGIN = 'https://backstory.test/';
const URL_RE = /^https?:\/\//i;
const HTML_RE = /\.x?html?$/i;
const LIST_RE = /\.(txt|list)$/i;

/** A file's URL when nobody chose one: https://backstory.test/<path relative to the working directory>. */
export function defaultUrl(file: string, cwd = process.cwd()): string {
  let rel = path.relative(cwd, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) rel = path.basename(file);
  return new URL(rel.split(path.sep).map(encodeURIComponent).join('/'), DEFAULT_ORIGIN).href;
}

export function displayName(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') ? file : rel.split(path.sep).join('/');
}

/** Every .html/.htm file under dir, sorted, recursively. */
function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(full));
    else if (HTML_RE.test(entry.name)) out.push(full);
  }
  return out;
}

type Target = { url: string } | { file: string };

/** Expand one input (relative to baseDir) into URLs and absolute file paths. */
function expand(input: string, baseDir: string, seenLists: Set<string>): Target[] {
  if (URL_RE.test(input)) {
    if (!URL.canParse(input)) throw new UsageError(`Not a valid URL: ${input}`);
    return [{ url: new URL(input).href }];
  }
  const full = path.resolve(baseDir, input);
  if (!existsSync(full)) throw new UsageError(`No such file or directory: ${input}`);
  if (statSync(full).isDirectory()) {
    const files = htmlFiles(full);
    if (files.length === 0) throw new UsageError(`No .html files in directory: ${input}`);
    return files.map((file) => ({ file }));
  }
  if (LIST_RE.test(full)) {
    if (seenLists.has(full)) return [];
    seenLists.add(full);
    const lines = readFileSync(full, 'utf8').split(/\r?\n/);
    return lines
      .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
      .filter(Boolean)
      .flatMap((line) => expand(line, path.dirname(full), seenLists));
  }
  return [{ file: full }];
}

/** Read a JSON file given on the command line; a missing or broken one is a usage error. */
function readJson(file: string, option: string): unknown {
  if (!existsSync(file)) throw new UsageError(`${option}: no such file: ${file}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${option}: ${file} is not valid JSON (${(error as Error).message.split('\n')[0]}).`);
  }
}

function resolveRelative(p: string, jsonFile: string): string {
  const nextToJson = path.resolve(path.dirname(jsonFile), p);
  return existsSync(nextToJson) ? nextToJson : path.resolve(p);
}

/**
 * `--map`: {"file": "url"} or an array of {file, url, ...} (the corpus manifest's shape). Paths are
 * relative to the map file's directory (or, failing that, to the working directory).
 */
export function readMap(mapFile: string): Map<string, string> {
  const raw = readJson(mapFile, '--map');
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((e: unknown, i) => {
        const entry = e as { file?: unknown; url?: unknown };
        if (typeof entry?.file !== 'string') throw new UsageError(`--map: entry ${i} in ${mapFile} has no "file".`);
        return [entry.file, entry.url];
      })
    : typeof raw === 'object' && raw !== null
      ? Object.entries(raw)
      : [];
  if (entries.length === 0) throw new UsageError(`--map: ${mapFile} maps no files.`);
  const map = new Map<string, string>();
  for (const [file, url] of entries) {
    if (typeof url !== 'string' || !URL_RE.test(url) || !URL.canParse(url)) throw new UsageError(`--map: "${file}" needs an http(s) URL in ${mapFile}.`);
    map.set(resolveRelative(file, mapFile), new URL(url).href);
  }
  return map;
}

/**
 * `--expect`: {"<file or url>": {match, people, families}} or an array of {file|url, match, people,
 * families} (so the corpus manifest is its own expectation file). Keys are files (relative to the
 * expectation file, or to the working directory) or URLs.
 */
export function readExpectations(expectFile: string): Map<string, Expectation> {
  const raw = readJson(expectFile, '--expect');
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((e: unknown, i) => {
        const entry = e as { file?: unknown; url?: unknown };
        const key = typeof entry?.file === 'string' ? entry.file : entry?.url;
        if (typeof key !== 'string') throw new UsageError(`--expect: entry ${i} in ${expectFile} has neither "file" nor "url".`);
        return [key, e];
      })
    : typeof raw === 'object' && raw !== null
      ? Object.entries(raw)
      : [];
  const out = new Map<string, Expectation>();
  for (const [key, value] of entries) {
    const v = value as Record<string, unknown>;
    const expectation: Expectation = {};
    if (v === null || typeof v !== 'object') throw new UsageError(`--expect: "${key}" needs an object like {"match": true}.`);
    if (v.match !== undefined) {
      if (typeof v.match !== 'boolean') throw new UsageError(`--expect: "${key}".match must be true or false.`);
      expectation.match = v.match;
    }
    for (const field of ['people', 'families'] as const) {
      if (v[field] === undefined) continue;
      if (!Array.isArray(v[field]) || !v[field].every((x) => typeof x === 'string')) {
        throw new UsageError(`--expect: "${key}".${field} must be a list of ids.`);
      }
      expectation[field] = v[field] as string[];
    }
    const id = URL_RE.test(key) ? new URL(key).href : resolveRelative(key, expectFile);
    out.set(id, expectation);
  }
  return out;
}

/** All pages of a run, in input order, without duplicates, with their URLs and expectations. */
export function resolvePages(options: Pick<CheckOptions, 'inputs' | 'as' | 'map' | 'expect'>, cwd = process.cwd()): PageSpec[] {
  const map = options.map ? readMap(path.resolve(cwd, options.map)) : new Map<string, string>();
  const expectations = options.expect ? readExpectations(path.resolve(cwd, options.expect)) : new Map<string, Expectation>();
  const seenLists = new Set<string>();
  const targets: Target[] = options.inputs.length
    ? options.inputs.flatMap((input) => expand(input, cwd, seenLists))
    : [...map.keys()].map((file) => {
        if (!existsSync(file)) throw new UsageError(`--map names a file that does not exist: ${file}`);
        return { file };
      });

  const pages: PageSpec[] = [];
  const byUrl = new Map<string, PageSpec>();
  const seenFiles = new Set<string>();
  for (const target of targets) {
    let page: PageSpec;
    if ('file' in target) {
      if (seenFiles.has(target.file)) continue;
      seenFiles.add(target.file);
      const url = options.as ? new URL(options.as).href : (map.get(target.file) ?? defaultUrl(target.file, cwd));
      page = { name: displayName(target.file, cwd), file: target.file, url };
    } else {
      page = { name: target.url, url: target.url };
    }
    const other = byUrl.get(page.url);
    if (other) {
      if (!other.file && !page.file) continue; // the same live URL twice
      throw new UsageError(`Two pages would be served at one URL (${page.url}): ${other.name} and ${page.name}.`);
    }
    byUrl.set(page.url, page);
    const expectation = (page.file && expectations.get(page.file)) || expectations.get(page.url);
    if (expectation) page.expect = expectation;
    pages.push(page);
  }
  if (pages.length === 0) throw new UsageError('No pages to check: the inputs name no files or URLs.');
  return pages;
}
