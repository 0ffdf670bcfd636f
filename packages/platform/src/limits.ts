// What the gateway refuses before any operation runs, in one place for both doors: a URL or headers
// over their size, a `.`/`..` path segment or a malformed %-escape, a body over its size or nested too
// deep, an Accept that excludes JSON. No page states these numbers or answers: the values are the
// common gateway defaults (and the nesting depth far beyond any body the spec allows), and the answer
// is the spec's GatewayBadRequest (marked `unsourced` there), never a retryable 5xx.

export interface RequestLimits {
  /** Largest request body, in bytes (1 MiB). */
  bodyBytes: number;
  /** Longest URL (path and query), in characters (8,192). */
  urlChars: number;
  /** Largest request line and headers, in bytes (16 KiB, Node's own default). */
  headerBytes: number;
  /** Deepest JSON nesting of a body (100: the spec's bodies nest 3 deep). */
  nestingDepth: number;
}

export const REQUEST_LIMITS: Readonly<RequestLimits> = Object.freeze({
  bodyBytes: 1024 * 1024,
  urlChars: 8192,
  headerBytes: 16 * 1024,
  nestingDepth: 100,
});

/** Whether `text` nests arrays and objects deeper than `max` (a scan; nothing is parsed or allocated). */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** Whether an Accept header lets the answer be JSON (absent, `*\/*`, `application/*`, `application/json`). */
export function acceptsJson(accept: string | undefined | null): boolean {
  if (accept === undefined || accept === null || accept.trim() === '') return true;
  return accept.split(',').some((part) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) return false;
    const type = range.trim();
    return type === '*/*' || type === 'application/*' || type === 'application/json' || type.endsWith('+json');
  });
}

const decodable = (segment: string) => {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
};

/** Why the gateway refuses this request target (path and query as sent, before any normalizing), if it does. */
export function refuseTarget(target: string, limits: RequestLimits = REQUEST_LIMITS): string | undefined {
  if (target.length > limits.urlChars) return `the URL is over ${limits.urlChars} characters`;
  const segments = (target.split('?', 1)[0] ?? '').split('/');
  if (segments.some((s) => /^(\.|%2e){1,2}$/i.test(s))) return 'the path has a "." or ".." segment';
  if (!segments.every(decodable)) return 'the path has a malformed %-escape';
  return undefined;
}

/** Why the gateway refuses these headers, if it does (their size, an Accept without JSON). */
export function refuseHeaders(
  headers: Record<string, string | undefined>,
  limits: RequestLimits = REQUEST_LIMITS,
): string | undefined {
  let bytes = 0;
  for (const [k, v] of Object.entries(headers)) bytes += k.length + (v?.length ?? 0) + 4;
  if (bytes > limits.headerBytes) return 'the request line and headers are over the limit';
  if (!acceptsJson(headers.accept)) return `the answer is JSON, which Accept "${headers.accept}" does not take`;
  return undefined;
}

/** Why the gateway refuses this body, if it does (its size in bytes, its nesting). */
export function refuseBody(text: string, bytes: number, limits: RequestLimits = REQUEST_LIMITS): string | undefined {
  if (bytes > limits.bodyBytes) return `the body is over ${limits.bodyBytes} bytes`;
  if (nestedDeeperThan(text, limits.nestingDepth)) return `the body nests deeper than ${limits.nestingDepth} levels`;
  return undefined;
}
