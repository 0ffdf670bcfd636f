import { redact } from '../redact.js';
import { FeishuError } from './feishu-error.js';

/**
 * The answer was not the JSON envelope Feishu sends: the gateway answers an unknown path with plain
 * text, proxies answer with HTML. Carries the status and the start of the body.
 */
export class FeishuResponseError extends FeishuError {
  override name = 'FeishuResponseError';
  readonly status: number;
  readonly contentType: string | undefined;
  /** The first 200 characters of the body. */
  readonly bodySnippet: string;
  readonly logId: string | undefined;

  constructor(init: {
    operation: string | undefined;
    status: number;
    contentType: string | null;
    body: string;
    logId: string | null;
  }) {
    const snippet = redact(init.body.slice(0, 200));
    super(
      `${init.operation ?? 'request'} got a non-JSON answer (HTTP ${init.status}, ${init.contentType ?? 'no content-type'}): ${JSON.stringify(snippet.slice(0, 80))}`,
      init.operation,
    );
    this.status = init.status;
    this.contentType = init.contentType ?? undefined;
    this.bodySnippet = snippet;
    this.logId = init.logId ?? undefined;
  }
}
