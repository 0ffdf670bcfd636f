// One answer held against the spec: is its code documented for the operation and expected in this
// situation, under the documented status, with the documented msg, a body that validates against the
// tolerant response schema, and the headers the spec declares for that answer?
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { type DocumentedAnswer, describeSource, type Json, type OperationFacts } from './spec-facts.js';

export interface Observed {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: Json | undefined;
}

export interface FactRef {
  operation: string;
  name: string;
  /** What the spec says, with its source: "spec says 400 / 1470431 … (source: page https://…)". */
  says: string;
  source: string;
}

export interface Finding {
  /** `status`, `code`, `msg`, `body`, `header <name>`, `token reuse`. */
  aspect: string;
  expected: string;
  observed: string;
  facts: FactRef[];
}

const require = createRequire(import.meta.url);
let ajv: { compile(schema: Json): ValidateFunction } | undefined;
const compiled = new WeakMap<Json, ValidateFunction>();

function validator(schema: Json): ValidateFunction {
  if (!ajv) {
    const Ajv2020 = require('ajv/dist/2020.js').default;
    const addFormats = require('ajv-formats').default;
    ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
    addFormats(ajv);
  }
  let fn = compiled.get(schema);
  if (!fn) {
    fn = (ajv as { compile(schema: Json): ValidateFunction }).compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

export const factOf = (facts: OperationFacts, answer: DocumentedAnswer): FactRef => ({
  operation: facts.id,
  name: answer.name,
  says:
    answer.code === 0
      ? `${facts.id} succeeds with HTTP ${answer.status}, code 0, msg "${answer.msg}"`
      : `${facts.id} answers ${answer.name} with HTTP ${answer.status}, code ${answer.code}, msg "${answer.msg}"`,
  source: describeSource(answer.source),
});

const named = (facts: OperationFacts, names: string[]) =>
  names.map((n) => facts.byName.get(n)).filter((a): a is DocumentedAnswer => a !== undefined);

const label = (a: DocumentedAnswer) => (a.code === 0 ? 'success (code 0)' : `${a.code} ${a.name}`);

/** The code of an answer, if it is a Feishu envelope. */
export const codeOf = (o: Observed): number | undefined =>
  typeof o.json?.code === 'number' ? (o.json.code as number) : undefined;

export function checkAnswer(facts: OperationFacts, expect: string[], observed: Observed): Finding[] {
  const findings: Finding[] = [];
  const expected = named(facts, expect);
  const code = codeOf(observed);
  const documented = code === undefined ? undefined : code === 0 ? facts.success : facts.byCode.get(code);

  if (code === undefined) {
    findings.push({
      aspect: 'body',
      expected: 'a JSON envelope with a numeric code',
      observed: observed.json === undefined ? `not JSON: ${observed.text.slice(0, 120)}` : 'no numeric code',
      facts: expected.map((a) => factOf(facts, a)),
    });
  } else if (!documented) {
    findings.push({
      aspect: 'code',
      expected: expected.map(label).join(' or '),
      observed: `${code} (not documented for ${facts.id})`,
      facts: expected.map((a) => factOf(facts, a)),
    });
  } else if (!expect.includes(documented.name)) {
    findings.push({
      aspect: 'code',
      expected: expected.map(label).join(' or '),
      observed: label(documented),
      facts: [...expected, documented].map((a) => factOf(facts, a)),
    });
  }

  if (documented) {
    if (observed.status !== documented.status)
      findings.push({
        aspect: 'status',
        expected: `HTTP ${documented.status} for ${label(documented)}`,
        observed: `HTTP ${observed.status}`,
        // The status may have a source of its own (a platform code whose status no page states).
        facts: [
          {
            ...factOf(facts, documented),
            source: describeSource(documented.source.status ?? documented.source),
          },
        ],
      });
    const msg = observed.json?.msg;
    if (msg !== documented.msg)
      findings.push({
        aspect: 'msg',
        expected: JSON.stringify(documented.msg),
        observed: msg === undefined ? '(no msg)' : JSON.stringify(msg),
        facts: [factOf(facts, documented)],
      });
  }

  // The schema and headers of the observed status, or else of the status the code is documented under.
  const status = facts.responses.has(observed.status) ? observed.status : documented?.status;
  const response = status === undefined ? undefined : facts.responses.get(status);
  if (response?.schema && observed.json !== undefined && code !== undefined) {
    const validate = validator(response.schema);
    if (!validate(observed.json))
      findings.push({
        aspect: 'body',
        expected: `a body valid against ${facts.id}'s HTTP ${status} schema`,
        observed: (validate.errors ?? [])
          .slice(0, 3)
          .map((e) => `${e.instancePath || '/'} ${e.message}`)
          .join('; '),
        facts: documented ? [factOf(facts, documented)] : [],
      });
  }
  const present = new Set(Object.keys(observed.headers).map((h) => h.toLowerCase()));
  for (const { name: header, source } of response?.headers ?? [])
    if (!present.has(header.toLowerCase()))
      findings.push({
        aspect: `header ${header}`,
        expected: `the ${header} header`,
        observed: '(absent)',
        facts: [
          {
            operation: facts.id,
            name: header,
            says: `${facts.id} sends ${header} with HTTP ${status}`,
            source: describeSource(source),
          },
        ],
      });
  return findings;
}
