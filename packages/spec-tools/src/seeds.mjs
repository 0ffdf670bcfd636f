// Reads the official pages (../shared/seeds beside the repository, or $FEISHU_SEEDS_DIR): their endpoint,
// rate limit, scopes and error-code table. A clone without them is normal: seedsDir() is then undefined.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The seeds folder ($FEISHU_SEEDS_DIR, else ../shared/seeds beside the repository), or undefined. */
export function seedsDir() {
  const dir = process.env.FEISHU_SEEDS_DIR ?? resolve(here, '../../../../shared/seeds');
  return existsSync(dir) ? dir : undefined;
}

// 004 was saved as UTF-8 read as Windows-1252; its prose is unreadable but its ASCII is intact.
const MOJIBAKE = /[ÃÂåæçèéä][\u0080-\u00ff\u0152-\u2122]/;

const cells = (line) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

const stripLinks = (text) => text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');

export function parseSeed(text, file) {
  const url = /HTTP URL\s*\|\s*`?(https:\/\/[^\s`|]+)`?/.exec(text)?.[1];
  const method = /HTTP Method\s*\|\s*([A-Z]+)/.exec(text)?.[1];
  if (!url || !method) throw new Error(`${file}: no HTTP URL or method`);
  const path = new URL(url).pathname.replace(/:([a-z_]+)/g, '{$1}');

  const errors = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    // The error table's header is the only four-column row whose first cell starts with HTTP.
    if (/^\|?\s*HTTP[^|]*\|[^|]+\|[^|]+\|[^|]+/.test(line)) {
      inTable = true;
      continue;
    }
    if (!inTable) continue;
    const row = cells(line);
    if (/^-+$/.test(row[0] ?? '')) continue;
    if (!/^\d{3}$/.test(row[0] ?? '') || !/^\d+$/.test(row[1] ?? '')) {
      if (line.trim() === '' || line.startsWith('#')) inTable = false;
      continue;
    }
    errors.push({ status: Number(row[0]), code: Number(row[1]), message: row[2], advice: stripLinks(row[3]) });
  }

  const rate = /接口频率限制\s*\|\s*\[([^\]]+)\]/.exec(text)?.[1];
  const rateLimit = rate
    ? {
        per_minute: Number(/(\d+)\s*次\/分钟/.exec(rate)?.[1]) || undefined,
        per_second: Number(/(\d+)\s*次\/秒/.exec(rate)?.[1]) || undefined,
      }
    : undefined;
  const scopes = [...text.matchAll(/\((task:[a-z:]+)\)|\|\s*(task:[a-z:]+)\s*\|/g)].map((m) => m[1] ?? m[2]);

  return {
    file,
    source: /^source_url:\s*(\S+)/m.exec(text)?.[1],
    method: method.toLowerCase(),
    path,
    errors,
    rateLimit,
    scopes: [...new Set(scopes)],
    readableProse: !MOJIBAKE.test(text),
  };
}

export function loadSeeds(dir = seedsDir()) {
  if (!dir) throw new Error('seed pages not found (put them at ../shared/seeds or set FEISHU_SEEDS_DIR)');
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort()
    .map((f) => parseSeed(readFileSync(join(dir, f), 'utf8'), f));
}
