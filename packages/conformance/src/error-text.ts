// A failed request's reason with its root cause. fetch says only "fetch failed"; what went wrong (a
// refused connection, a name that does not resolve, a certificate) is in its `cause`, often an
// AggregateError with one error per address tried. A system error is told by its code and address
// (`ECONNREFUSED 127.0.0.1:4010`), which carry no credentials; the run's redactor sees the text too.
type Cause = Error & {
  code?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  errors?: unknown;
  cause?: unknown;
};

const MAX = 300;

function own(error: Cause): string {
  if (typeof error.code === 'string') {
    const where =
      typeof error.address === 'string'
        ? ` ${error.address}${typeof error.port === 'number' ? `:${error.port}` : ''}`
        : typeof error.hostname === 'string'
          ? ` ${error.hostname}`
          : '';
    return `${error.code}${where}`;
  }
  return String(error.message ?? error);
}

function causes(error: unknown, depth: number): string[] {
  if (!error || typeof error !== 'object' || depth > 4) return [];
  const e = error as Cause;
  if (Array.isArray(e.errors) && e.errors.length > 0) {
    const each = [
      ...new Set(e.errors.map((x) => [own(x as Cause), ...causes((x as Cause).cause, depth + 1)].join(': '))),
    ];
    return [each.join(', ')];
  }
  return [own(e), ...causes(e.cause, depth + 1)];
}

/** `error`'s message and its causes: `fetch failed (ECONNREFUSED 127.0.0.1:4010)`. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const below = causes((error as Cause | undefined)?.cause, 0).filter((c) => c && !message.includes(c));
  const text = below.length ? `${message} (${below.join(': ')})` : message;
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}
