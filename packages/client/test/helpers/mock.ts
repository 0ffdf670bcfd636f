// Talking to the Prism mock: its URL, a fetch that records what was sent and got (with Prism's own
// validation verdict, the sl-violations header), and the spec's response schemas to check answers.
import { createSpecValidator, loadSpec } from '@feishu-task/spec-tools';
import { inject } from 'vitest';

export const mockUrl = () => inject('mockUrl');
const validator = createSpecValidator(loadSpec(import.meta.url, 'bundled'));

/** Validates a response body against the spec's schema for that operation and status. */
export function validateResponse(path: string, method: string, status: number, body: unknown) {
  return validator.errorsAt(
    ['paths', path, method, 'responses', status, 'content', 'application/json', 'schema'],
    body,
  );
}

/** A fetch that records each exchange and can add a Prism `Prefer` header. */
export function recordingFetch(prefer?: string) {
  const seen: { method: string; url: string; status: number; body: unknown; violations: string | null }[] = [];
  const fetchImpl = async (input: string | URL | Request, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (prefer) headers.set('prefer', prefer);
    const response = await fetch(input, { ...init, headers });
    const text = await response.clone().text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // kept as text
    }
    seen.push({
      method: init.method ?? 'GET',
      url: String(input),
      status: response.status,
      body,
      violations: response.headers.get('sl-violations'),
    });
    return response;
  };
  return { fetch: fetchImpl as typeof fetch, seen };
}
