// Installs the few system packages the tests need (Debian's Chromium for the docs browser test, a CJK
// font so that the Chinese docs page renders readable text in it, redis-server for the client's
// shared-quota tests and bench, and jq for the getting-started steps)
// when they are missing and we may install them; otherwise says exactly what to install.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = [
  { bin: '/usr/bin/chromium', apt: 'chromium' },
  { bin: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', apt: 'fonts-wqy-microhei' },
  { bin: '/usr/bin/redis-server', apt: 'redis-server' },
  // The docs' getting-started test runs its shell steps as written, and they read JSON with jq.
  { bin: '/usr/bin/jq', apt: 'jq' },
].filter((n) => !existsSync(n.bin));
if (needs.length === 0) process.exit(0);

const names = needs.map((n) => n.apt);
const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(
    `missing system packages: ${names.join(' ')}; install them (Debian: sudo apt-get install -y ${names.join(' ')})`,
  );
  process.exit(1);
}
console.log(`installing ${names.join(' ')} with apt-get...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...names], { stdio: 'inherit', env });
