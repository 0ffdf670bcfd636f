import type { Scenario } from '../scenario.js';
import { collaboratorCap51 } from './collaborator-cap.js';
import { collaborators } from './collaborators.js';
import { invalidFields } from './invalid-fields.js';
import { probeCollaboratorCap } from './probe-collaborator-cap.js';
import { requestRules } from './request-rules.js';
import { tasklistMembers } from './tasklist-members.js';
import { tokens } from './tokens.js';
import { tokensOnCalls } from './tokens-on-calls.js';
import { unknownResources } from './unknown-resources.js';
import { userWithoutRights } from './user-without-rights.js';

/** Every scenario, in the order they run (probes last, and only with --probe-limits). */
export const scenarios: readonly Scenario[] = [
  tokens,
  collaborators,
  collaboratorCap51,
  tasklistMembers,
  unknownResources,
  tokensOnCalls,
  invalidFields,
  requestRules,
  userWithoutRights,
  probeCollaboratorCap,
];
