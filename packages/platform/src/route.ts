// Route matching: the operation a method and a path name, with its path parameters percent-decoded;
// otherwise why the gateway cannot route it (no API there, or not that method).
import type { Platform, PlatformOperation } from './model.js';

export type Routed = { op: PlatformOperation; pathParams: Record<string, string> } | { refused: string };

export function route(platform: Platform, method: string, path: string): Routed {
  const upper = method.toUpperCase();
  for (const op of platform.operations) {
    if (op.method !== upper) continue;
    const m = op.pattern.exec(path);
    if (!m) continue;
    const pathParams: Record<string, string> = {};
    let ok = true;
    op.pathNames.forEach((name, i) => {
      try {
        pathParams[name] = decodeURIComponent(m[i + 1] ?? '');
      } catch {
        ok = false;
      }
    });
    if (ok) return { op, pathParams };
  }
  const others = platform.operations.filter((o) => o.pattern.test(path)).map((o) => o.method);
  const shown = path.slice(0, 512);
  return {
    refused: others.length
      ? `${upper} is not a method of ${shown}; it takes ${others.join(', ')}`
      : `no API at ${upper} ${shown}`,
  };
}
