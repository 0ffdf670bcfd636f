// Route: the operation the method and path name, by the spec's templates; none, and the chain ends.
import type { Phase } from '../pipeline.js';
import { route } from '../spec-model.js';

export const routePhase: Phase = (x, engine) => {
  const found = route(engine.operations, x.method, x.path);
  if (!found) return { status: 404, body: { code: 404, msg: `404 page not found: ${x.method} ${x.path}` } };
  x.ctx = {
    op: found.op,
    now: engine.clock.now(),
    logId: x.logId,
    query: x.query,
    pathParams: found.pathParams,
    body: undefined,
    caller: { kind: 'none' },
  };
  return undefined;
};
