export { checkAnswer, type FactRef, type Finding, type Observed } from './check.js';
export { main, USAGE } from './cli.js';
export { emulatorFetch } from './emulator-fetch.js';
export { ConformanceUsageError, type RunOptions, TEST_APP } from './options.js';
export { formatPlan, type PlannedScenario } from './plan.js';
export { REDACTED } from './redact.js';
export { reportMarkdown, writeReport } from './report.js';
export {
  type ConformanceReport,
  ConformanceTargetError,
  type Difference,
  type ExchangeRecord,
  plan,
  runConformance,
  type ScenarioResult,
} from './run.js';
export type { AuthMode, Fact, RunIds, Scenario, Step } from './scenario.js';
export { scenarios } from './scenarios/index.js';
export { describeSource, operationFacts } from './spec-facts.js';
