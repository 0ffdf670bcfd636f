// Route: the operation the method and path name, by the platform model; a request no operation serves
// gets the gateway's refusal (HTTP 400, 9499, `msg` saying why), as the mock answers it.
import { gatewayRefusal, route } from '@feishu-task/platform';
import type { Phase } from '../pipeline.js';

export const routePhase: Phase = (x, engine) => {
  const found = route(engine.platform, x.method, x.path);
  if ('refused' in found) return gatewayRefusal(engine.platform, found.refused, x.logId);
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
