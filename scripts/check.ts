/**
 * `npm run check -- [options] <file|dir|url|list.txt>...`: run the built extension over pages in a
 * headless browser and report what it found. Guide: docs/checker.md; the work is in scripts/check/.
 */
import { main } from './check/cli';

process.exitCode = await main(process.argv.slice(2));
