// The spec's promises as diff rules: what a change to each part of the description means for a consumer
// (the generated types and tables, the client, the mock, the emulator). spec/README.md shows this table;
// a test holds the README to it and each rule to a mutation of a copy of the spec.
export const LEVELS = ['none', 'patch', 'minor', 'major'];

/** rule id -> { level, why }. */
export const RULES = {
  'operation-removed': { level: 'major', why: 'calls to it stop working; its types and tables disappear' },
  'operation-added': { level: 'minor', why: 'a new call; nothing existing changes' },
  'operation-id-changed': { level: 'major', why: 'the generated types and tables are keyed by operationId' },
  'parameter-removed': { level: 'major', why: 'a caller that sends it no longer type-checks' },
  'parameter-added': { level: 'minor', why: 'an optional parameter; existing calls stay valid' },
  'parameter-required': {
    level: 'major',
    why: 'requests are exact: a call that omitted it is now refused (optional again: minor)',
  },
  'default-changed': {
    level: 'major',
    why: 'a call that omits the value now means something else (a parameter or request default)',
  },
  'request-narrowed': {
    level: 'major',
    why: 'requests are exact: a request that was valid is refused (a limit, enum value, pattern, type, required field)',
  },
  'request-widened': { level: 'minor', why: 'more requests are valid; every valid one stays valid' },
  'response-tightened': {
    level: 'major',
    why: 'responses are tolerant: a tighter answer schema rejects answers the server may send (a new limit, pattern, format, a closed object)',
  },
  'response-loosened': { level: 'minor', why: 'answers may carry more; tolerant readers accept them' },
  'response-type-changed': { level: 'major', why: "a field's type in an answer changes what readers get" },
  'response-field-removed': { level: 'major', why: 'readers of the field lose it' },
  'response-field-added': { level: 'minor', why: 'unknown fields are tolerated; a new optional field is an addition' },
  'response-field-optional': { level: 'major', why: 'readers relied on the field being present' },
  'response-field-required': { level: 'minor', why: 'a stronger guarantee; existing readers are unaffected' },
  'open-enum-closed': {
    level: 'major',
    why: 'responses are tolerant: an open enum (anyOf [enum, string]) that loses its string branch rejects new values',
  },
  'open-enum-value-added': {
    level: 'minor',
    why: 'a known value of an open enum: readers already accept any string; the types gain a literal',
  },
  'open-enum-value-removed': {
    level: 'minor',
    why: 'readers still accept it as any string; the types lose a literal',
  },
  'closed-enum-value-added': {
    level: 'major',
    why: 'an answer enum without a string branch: a reader that handles every value meets one it does not know',
  },
  'status-removed': { level: 'major', why: 'an answer the client and the doubles map disappears or moves' },
  'status-added': { level: 'minor', why: 'a new documented answer' },
  'media-type-changed': { level: 'major', why: 'a content type removed from a request or an answer' },
  'header-removed': { level: 'major', why: 'readers of the header (the log id on every error) lose it' },
  'error-code-removed': {
    level: 'major',
    why: "the generated error tables and the client's typed errors lose the code",
  },
  'error-code-added': { level: 'minor', why: 'a new documented error code' },
  'error-status-changed': { level: 'major', why: 'the client and the doubles map a code to its HTTP status' },
  'error-kind-changed': { level: 'major', why: 'the kind decides retry and token refresh in the client' },
  'error-name-changed': { level: 'major', why: 'the client names its typed errors after the example name' },
  'error-invalid-fields-changed': {
    level: 'minor',
    why: 'which example the mock and the emulator send for invalid fields',
  },
  'error-concurrency-changed': {
    level: 'minor',
    why: 'which requests a documented code answers (x-feishu-error.concurrent: those overlapping on a path parameter): clients send them one at a time, the emulator answers overlapping ones with it',
  },
  'rate-limit-lowered': {
    level: 'major',
    why: "the client's throttle, built from the quota, would let through calls the server refuses (a new quota too)",
  },
  'rate-limit-raised': { level: 'minor', why: 'fewer calls are throttled (a quota dropped too)' },
  'scope-removed': { level: 'major', why: 'an app holding only that scope can no longer call' },
  'scope-added': { level: 'minor', why: 'any one scope allows the call: one more way to be allowed' },
  'field-scope-added': { level: 'major', why: 'a parameter value now needs one more scope' },
  'field-scope-removed': { level: 'minor', why: 'a value needs one scope fewer' },
  'retry-changed': {
    level: 'major',
    why: 'x-feishu-retry decides whether the client resends a request whose outcome is unknown and which answers mean success',
  },
  'state-limit-tightened': {
    level: 'major',
    why: 'a cap on what a resource holds (lower, new, another code): the emulator and callers meet it sooner',
  },
  'state-limit-loosened': { level: 'minor', why: 'a cap raised or removed' },
  'request-rule-added': {
    level: 'major',
    why: 'requests are exact: a request the schema allows is refused (a new x-feishu-request-rules entry, or another code)',
  },
  'request-rule-replaces-required': {
    level: 'minor',
    why: 'a required key became a rule on its absence: such a request is still refused, now with the documented code',
  },
  'request-rule-removed': { level: 'minor', why: 'a request the rule refused is accepted' },
  'sdk-method-changed': {
    level: 'minor',
    why: 'the docs and samples name another SDK method; no generated code reads it',
  },
  'app-type-removed': { level: 'major', why: 'an app type that could call no longer can' },
  'app-type-added': { level: 'minor', why: 'one more app type may call' },
  'security-removed': { level: 'major', why: 'a token kind that allowed the call no longer does' },
  'security-added': { level: 'minor', why: 'one more token kind allows the call' },
  'server-changed': { level: 'major', why: 'the client picks its base URL by deployment from servers' },
  'server-added': { level: 'minor', why: 'a new deployment' },
  text: { level: 'patch', why: 'descriptions, summaries, Chinese texts, notes, sources, examples: no behaviour' },
  unrated: { level: 'major', why: 'no rule knows this change: rated major to be safe (add a rule)' },
};
