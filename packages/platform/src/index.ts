// @feishu-task/platform: one model of the Feishu platform, built from the spec, behind the mock's front
// and the emulator. Nothing here imports node: modules (see ./node for listening on a port).
export {
  type Answer,
  answerWith,
  documentedAnswer,
  gatewayRefusal,
  gatewayUnavailable,
  invalidFields,
} from './answers.js';
export type { Json } from './json.js';
export {
  acceptsJson,
  nestedDeeperThan,
  REQUEST_LIMITS,
  type RequestLimits,
  refuseBody,
  refuseHeaders,
  refuseTarget,
} from './limits.js';
export { logId, randomHex } from './log-id.js';
export {
  createPlatform,
  type DocumentedAnswer,
  type ErrorName,
  errorNames,
  overStateLimit,
  type ParamModel,
  type Platform,
  type PlatformOperation,
} from './model.js';
export { type Exceeded, FixedWindows, quotaWindows, rateLimitHeaders, secondsToReset, type Window } from './quotas.js';
export { type Routed, route } from './route.js';
export { refusedByRule, ruleAnswer, ruleViolation } from './rules.js';
export {
  type FieldViolation,
  fieldName,
  fromSchemaErrors,
  type SchemaError,
  shownValue,
  valueAt,
  violation,
} from './violations.js';
