// The shape of a scenario: data (the requests it sends and the documented answers it expects) plus a
// small function that builds them from the run's IDs. Scenarios never send anything themselves.
import type { OperationId } from '@feishu-task/types';

/** How a request authenticates. The runner turns each into a header on each side (target, emulator). */
export type AuthMode =
  /** The app's tenant token, exchanged and cached by @feishu-task/client. */
  | 'tenant'
  /** No Authorization header at all. */
  | 'none'
  /** `Bearer` and a string that is no kind of Feishu token. */
  | 'malformed'
  /** A token of another kind (an app_access_token's shape): neither tenant nor user token. */
  | 'other-kind'
  /** A tenant token the platform never issued. */
  | 'unknown-tenant'
  /** A user token the platform never issued. */
  | 'unknown-user'
  /** The user token given (`--user-token`), of a user with no rights on the task or tasklist. */
  | 'user';

export interface Step {
  /** Unique within its scenario, e.g. `add`, `re-add`. */
  id: string;
  title: string;
  operation: OperationId;
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  auth: AuthMode;
  /**
   * The documented answers (error names of the operation, or `success`) the spec gives for this
   * situation. A `check` step's answer must be one of them; a `setup` or `undo` step's answer is
   * recorded and checked against the spec, but any of them is fine and it is not compared.
   */
  expect: string[];
  role?: 'check' | 'setup' | 'undo';
  /** Steps to send at the end of the scenario if this one succeeded (code 0): undo and restore. */
  atEndIfSucceeded?: Step[];
  /** For a token exchange: the step whose token this one must equal (the endpoint reuses a token with time left). */
  sameTokenAs?: string;
  /** Sent only to a real tenant (Feishu or Lark): a clean-up the spec does not describe. */
  tenantOnly?: { method: string; path: string; note: string };
}

export interface RunIds {
  task: string;
  tasklist: string;
  /** Users (ou_/on_/plain ids), chats (oc_) and apps (cli_), as given or defaulted. */
  users: string[];
  chats: string[];
  apps: string[];
  /** True for Feishu / Lark: only the IDs given, and a budget for probes. */
  realTenant: boolean;
  userToken: boolean;
  probeLimits: boolean;
}

export interface Scenario {
  id: string;
  title: string;
  /** Only with `--probe-limits`. */
  probe?: boolean;
  /** Why the scenario cannot run with these IDs, or undefined. */
  skip?(ids: RunIds): string | undefined;
  steps(ids: RunIds): Step[];
}

export interface Fact {
  operation: OperationId;
  name: string;
}

/** The spec facts a scenario exercises: each (operation, documented answer) its steps (not its undo steps) expect. */
export function factsOf(steps: Step[]): Fact[] {
  const seen = new Map<string, Fact>();
  const walk = (list: Step[]) => {
    for (const step of list) {
      // Undo steps put things back; they check nothing the scenario is about.
      if (!step.tenantOnly && step.role !== 'undo')
        for (const name of step.expect) seen.set(`${step.operation} ${name}`, { operation: step.operation, name });
      walk(step.atEndIfSucceeded ?? []);
    }
  };
  walk(steps);
  return [...seen.values()];
}
