// Limits: what the gateway refuses before routing (the platform model's request limits): a URL over
// its length, a `.`/`..` segment or a malformed %-escape in the path as sent, headers over their size
// or an Accept without JSON, a body over its size or nested too deep. The refusal is the gateway's
// documented 400 / 9499, never a crash of the engine; the pipeline journals none of these.
import { gatewayRefusal, REQUEST_LIMITS, refuseBody, refuseHeaders, refuseTarget } from '@feishu-task/platform';
import type { Phase } from '../pipeline.js';

const utf8Bytes = (text: string) =>
  // Only a body that might be over the limit is encoded to count its bytes.
  text.length * 3 <= REQUEST_LIMITS.bodyBytes ? text.length : new TextEncoder().encode(text).length;

export const limitsPhase: Phase = (x, engine) => {
  const body = x.request.body ?? '';
  const refused =
    refuseTarget(x.request.url) ??
    refuseHeaders(x.request.headers) ??
    refuseBody(body, x.request.bodyBytes ?? utf8Bytes(body));
  if (!refused) return undefined;
  return gatewayRefusal(engine.platform, refused, x.logId);
};
