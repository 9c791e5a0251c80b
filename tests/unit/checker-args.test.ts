/**
 * The checker's command line: which arguments are accepted, what each error says, how pages are
 * split into shards, and how inputs become pages (files, directories, list files, maps, URLs).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, parseMergeArgs, parseShard, selectShard, UsageError } from '../../scripts/check/args';
import { compareExpectation } from '../../scripts/check/expectations';
import { defaultUrl, resolvePages } from '../../scripts/check/inputs';

describe('parseArgs', () => {
  it('has defaults', () => {
    expect(parseArgs(['page.html'])).toMatchObject({
      inputs: ['page.html'],
      concurrency: 2,
      browser: 'chromium',
      timeoutMs: 15_000,
      watchMs: 0,
      build: true,
      failOnError: false,
    });
  });

  it.each([
    [['--json', 'out.json', 'a.html'], { json: 'out.json', inputs: ['a.html'] }],
    [['--json=out.json', 'a.html'], { json: 'out.json' }],
    [['--junit', 'r.xml', '--expect', 'e.json', 'a.html'], { junit: 'r.xml', expect: 'e.json' }],
    [['--screenshots', 'shots', 'dir'], { screenshots: 'shots', inputs: ['dir'] }],
    [['--concurrency', '4', 'a.html'], { concurrency: 4 }],
    [['--shard', '2/3', 'a.html'], { shard: { index: 2, total: 3 } }],
    [['--browser', 'firefox', 'a.html'], { browser: 'firefox' }],
    [['--timeout', '5000', 'a.html'], { timeoutMs: 5000 }],
    [['--watch', '2000', 'a.html'], { watchMs: 2000 }],
    [['--no-build', '--fail-on-error', 'a.html'], { build: false, failOnError: true }],
    [['--as', 'https://example.org/x', 'a.html'], { as: 'https://example.org/x' }],
    [['--map', 'm.json'], { map: 'm.json', inputs: [] }],
    [['a.html', 'https://example.org/', 'list.txt'], { inputs: ['a.html', 'https://example.org/', 'list.txt'] }],
    [['--', '--weird-name.html'], { inputs: ['--weird-name.html'] }],
    [['--html', 'r.html', 'a.html'], { html: 'r.html' }],
    [['--retries', '0', 'a.html'], { retries: 0 }],
    [['a.html'], { retries: 2 }],
    [['-', 'a.html'], { inputs: ['-', 'a.html'] }],
    [['--json', '-', 'a.html'], { json: '-' }],
    [['--help'], { help: true }],
    [['-h'], { help: true }],
  ] as const)('accepts %j', (argv, expected) => {
    expect(parseArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [[], /No pages given/],
    [['--frobnicate', 'a.html'], /Unknown option --frobnicate/],
    [['--json'], /--json needs a value/],
    [['--json', '--junit', 'x', 'a.html'], /--json needs a value/],
    [['--concurrency', '0', 'a.html'], /--concurrency must be between 1 and 32/],
    [['--concurrency', 'two', 'a.html'], /--concurrency needs a whole number/],
    [['--timeout', '10', 'a.html'], /--timeout must be between/],
    [['--watch', 'soon', 'a.html'], /--watch needs a whole number/],
    [['--watch', '-5', 'a.html'], /--watch/],
    [['--shard', '0/2', 'a.html'], /--shard 0\/2/],
    [['--shard', '3/2', 'a.html'], /--shard 3\/2/],
    [['--shard', '1-2', 'a.html'], /--shard must look like i\/n/],
    [['--browser', 'safari', 'a.html'], /--browser must be chromium or firefox/],
    [['--as', 'not a url', 'a.html'], /--as needs an http\(s\) URL/],
    [['--as', 'https://x.test/', 'a.html', 'b.html'], /exactly one file/],
    [['--as', 'https://x.test/', 'https://y.test/'], /local file/],
    [['--no-build=yes', 'a.html'], /^Option --no-build takes no value\.$/],
    [['--frobnicate=1', 'a.html'], /^Unknown option --frobnicate \(see --help\)\.$/],
    [['-x', 'a.html'], /^Unknown option -x /],
    [['--json=', 'a.html'], /^Option --json needs a value\.$/],
    [['a.html', '--html'], /^Option --html needs a value\.$/],
    [['--retries', '9', 'a.html'], /--retries must be between 0 and 5, got 9/],
  ] as const)('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('parseMergeArgs', () => {
  it('takes report files and outputs', () => {
    expect(parseMergeArgs(['a.json', 'b.json', '--json', 'all.json', '--junit', 'all.xml', '--html', 'all.html'])).toEqual({
      reports: ['a.json', 'b.json'],
      json: 'all.json',
      junit: 'all.xml',
      html: 'all.html',
      failOnError: false,
      help: false,
    });
  });

  it.each([
    [[], /merge: name the JSON reports/],
    [['a.json', '--shard', '1/2'], /^Unknown option --shard/],
    [['a.json', '--json'], /^Option --json needs a value\.$/],
  ] as const)('rejects %j', (argv, message) => {
    expect(() => parseMergeArgs(argv)).toThrow(UsageError);
    expect(() => parseMergeArgs(argv)).toThrow(message);
  });
});

describe('sharding', () => {
  it.each([
    ['1/1', { index: 1, total: 1 }],
    ['2/4', { index: 2, total: 4 }],
    [' 10/10 ', { index: 10, total: 10 }],
  ])('parses %s', (text, shard) => expect(parseShard(text)).toEqual(shard));

  it.each([
    [10, 3, [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]],
    [4, 4, [[0], [1], [2], [3]]],
    [2, 3, [[0], [1], []]],
    [0, 2, [[], []]],
  ])('splits %i pages into %i contiguous shards', (count, total, expected) => {
    const items = Array.from({ length: count }, (_, i) => i);
    expect(Array.from({ length: total }, (_, i) => selectShard(items, { index: i + 1, total }))).toEqual(expected);
  });

  it('puts every page in exactly one shard, sizes within one of each other', () => {
    for (const count of [1, 7, 57, 1000]) {
      for (const total of [1, 2, 3, 8, 13]) {
        const items = Array.from({ length: count }, (_, i) => i);
        const shards = Array.from({ length: total }, (_, i) => selectShard(items, { index: i + 1, total }));
        expect(shards.flat()).toEqual(items);
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('without a shard, selects everything', () => expect(selectShard([1, 2, 3], undefined)).toEqual([1, 2, 3]));
});

describe('resolvePages', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'checker-args-'));
  mkdirSync(path.join(dir, 'site', 'deep'), { recursive: true });
  for (const f of ['site/a.html', 'site/deep/b.htm', 'site/notes.md', 'c.html', 'with space.html']) writeFileSync(path.join(dir, f), '<p>x</p>');
  writeFileSync(path.join(dir, 'list.txt'), '# pages\nc.html\n\nsite   # a directory\nhttps://live.example/x  \n');
  writeFileSync(path.join(dir, 'map.json'), JSON.stringify({ 'c.html': 'https://news.example/c' }));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify([{ file: 'c.html', url: 'https://news.example/c', match: true, people: ['p1'] }]));
  writeFileSync(path.join(dir, 'expect.json'), JSON.stringify({ 'c.html': { match: false }, 'https://live.example/x': { match: true } }));
  writeFileSync(path.join(dir, 'clash.json'), JSON.stringify({ 'c.html': 'https://same.example/', 'site/a.html': 'https://same.example/' }));
  writeFileSync(path.join(dir, 'broken.json'), '{');

  it('expands list files and directories, serves unmapped files at backstory.test', () => {
    const pages = resolvePages({ inputs: ['list.txt'] }, dir);
    expect(pages.map((p) => [p.name, p.url])).toEqual([
      ['c.html', 'https://backstory.test/c.html'],
      ['site/a.html', 'https://backstory.test/site/a.html'],
      ['site/deep/b.htm', 'https://backstory.test/site/deep/b.htm'],
      ['https://live.example/x', 'https://live.example/x'],
    ]);
    expect(pages[3]!.file).toBeUndefined();
  });

  it('encodes file names into the default URL', () => {
    expect(defaultUrl(path.join(dir, 'with space.html'), dir)).toBe('https://backstory.test/with%20space.html');
  });

  it('drops a file named twice', () => {
    expect(resolvePages({ inputs: ['c.html', 'c.html', 'list.txt'] }, dir)).toHaveLength(4);
  });

  it('applies --as, --map (both shapes) and --expect', () => {
    expect(resolvePages({ inputs: ['c.html'], as: 'https://chosen.example/p' }, dir)[0]!.url).toBe('https://chosen.example/p');
    expect(resolvePages({ inputs: ['c.html'], map: 'map.json' }, dir)[0]!.url).toBe('https://news.example/c');
    const fromManifest = resolvePages({ inputs: [], map: 'manifest.json', expect: 'manifest.json' }, dir);
    expect(fromManifest).toMatchObject([{ name: 'c.html', url: 'https://news.example/c', expect: { match: true, people: ['p1'] } }]);
    const expected = resolvePages({ inputs: ['c.html', 'https://live.example/x'], expect: 'expect.json' }, dir);
    expect(expected.map((p) => p.expect)).toEqual([{ match: false }, { match: true }]);
  });

  it.each([
    [{ inputs: ['missing.html'] }, /No such file or directory: missing.html/],
    [{ inputs: ['c.html'], map: 'nope.json' }, /--map: no such file/],
    [{ inputs: ['c.html'], expect: 'broken.json' }, /--expect: .*broken.json is not valid JSON/],
    [{ inputs: ['c.html', 'site/a.html'], map: 'clash.json' }, /Two pages would be served at one URL/],
    [{ inputs: ['site/deep/b.htm'], expect: 'map.json' }, /"c.html" needs an object/],
  ])('rejects %j', (options, message) => {
    expect(() => resolvePages(options, dir)).toThrow(message);
  });
});

describe('expectations', () => {
  const found = { status: 'done' as const, matched: true, people: ['a', 'b'], families: ['f1'], errors: [] };
  it.each([
    [{ match: true }, found, []],
    [{ match: true, people: ['a'] }, found, []],
    [{ match: true, people: ['a', 'c'] }, found, ['expected people c not found (found: a, b)']],
    [{ families: ['f2'] }, found, ['expected families f2 not found (found: f1)']],
    [{ match: false }, found, ['expected no match, but the page matched']],
    [{ match: true, people: ['a'] }, { ...found, matched: false, people: [] }, ['expected a match, but the page did not match']],
    [{ match: false, people: ['x'] }, { ...found, matched: false }, []],
    [{ match: true }, { ...found, status: 'error' as const, matched: null, errors: [{ source: 'navigation' as const, message: 'net::ERR_NAME_NOT_RESOLVED' }] },
      ['no decision was read from the page (error: net::ERR_NAME_NOT_RESOLVED)']],
  ])('%j against a result', (expected, result, differences) => {
    expect(compareExpectation(expected, result)).toEqual(differences);
  });
});
