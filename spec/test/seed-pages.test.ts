// The fixture the spec is tested against (fixtures/seed-facts.json) must say what the official pages say.
// The pages are not part of the repository: this runs only when ../shared/seeds (beside the repository)
// or $FEISHU_SEEDS_DIR exists, and says so when it is skipped.
import { loadSeeds, seedsDir } from '@feishu-task/spec-tools';
import { describe, expect, it } from 'vitest';
import facts from './fixtures/seed-facts.json' with { type: 'json' };

const dir = seedsDir();
if (!dir) {
  console.warn(
    '[seed-pages] SKIPPED: the official pages are not here (../shared/seeds or $FEISHU_SEEDS_DIR); ' +
      'the spec is still tested against test/fixtures/seed-facts.json.',
  );
}

describe.skipIf(!dir)('the official pages agree with fixtures/seed-facts.json', () => {
  it('yield exactly the recorded facts (re-record with `pnpm --filter @feishu-task/openapi run record-seed-facts`)', () => {
    expect(loadSeeds(dir)).toEqual(facts);
  });
});
