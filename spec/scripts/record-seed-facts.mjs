// Re-reads the official pages and writes the facts the spec is tested against to
// test/fixtures/seed-facts.json. Run it when the pages change (`pnpm --filter @feishu-task/openapi
// run record-seed-facts`), review the diff, then make the spec agree.
import { writeFileSync } from 'node:fs';
import { loadSeeds, seedsDir } from '@feishu-task/spec-tools';

const dir = seedsDir();
if (!dir) {
  console.error('seed pages not found: put them at ../shared/seeds beside the repository or set FEISHU_SEEDS_DIR');
  process.exit(1);
}
const facts = loadSeeds(dir);
const out = new URL('../test/fixtures/seed-facts.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(facts, null, 2)}\n`);
console.log(`wrote ${facts.length} pages' facts to ${out.pathname}`);
