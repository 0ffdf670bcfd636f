import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { specPath } from '../src/spec-index.js';

export const mockUrl = () => inject('mockUrl');
export const spec = JSON.parse(readFileSync(specPath(), 'utf8'));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('password', true);
ajv.addSchema(spec, 'spec');

/** Validates a response body against the spec's schema for that operation and status, at runtime. */
export function validateResponse(path: string, method: string, status: number, body: unknown) {
  const pointer = ['paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema']
    .map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1')))
    .join('/');
  const validate = ajv.getSchema(`spec#/${pointer}`);
  if (!validate) throw new Error(`no schema for ${method} ${path} ${status}`);
  validate(body);
  return validate.errors ?? [];
}

/**
 * A fetch that records what the client sent and got, fails on any Prism validation violation
 * (sl-violations header), and can add a Prism `Prefer` header.
 */
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
    seen.push({ method: init.method ?? 'GET', url: String(input), status: response.status, body, violations: response.headers.get('sl-violations') });
    return response;
  };
  return { fetch: fetchImpl as typeof fetch, seen };
}
