// The pages' links (how to get the ids, the member format, troubleshooting, rate limits...) are kept in
// the spec. Runs only where the official pages are (../shared/seeds or $FEISHU_SEEDS_DIR), like
// seed-pages.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedsDir, specPath } from '@feishu-task/spec-tools';
import { describe, expect, it } from 'vitest';

const dir = seedsDir();
const bundle = readFileSync(specPath(import.meta.url, 'bundled'), 'utf8');

describe.skipIf(!dir)('links of the official pages', () => {
  // 001 and 004 are the API explorer's copies of 000 and 002 (004's prose is unreadable).
  const pages = dir ? readdirSync(dir).filter((f) => /^00[023]_.*\.txt$/.test(f)) : [];
  const links = new Set(
    pages.flatMap((f) =>
      // One page writes `document:/`; the link it means is `document/`.
      [...readFileSync(join(dir as string, f), 'utf8').matchAll(/\]\((https:\/\/[^)\s]+)\)/g)].map((m) =>
        m[1].replace('/document:/', '/document/'),
      ),
    ),
  );

  it('are found', () => {
    expect(links.size).toBeGreaterThan(8);
  });

  it.each([...links])('%s is in the bundled spec', (link) => {
    expect(bundle).toContain(link);
  });
});
