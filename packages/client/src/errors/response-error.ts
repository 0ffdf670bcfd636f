import { redact, type Scrub } from '../redact.js';
import { FeishuError } from './feishu-error.js';

/**
 * The answer was not a readable Feishu envelope (a JSON object with a numeric `code`): gateway text, proxy
 * HTML, a 5xx without the envelope, broken JSON, or an answer larger than `maxResponseBytes`. The request
 * was sent, so it may have been applied: `outcomeUnknown` is true (for a failed token exchange, the call's
 * copy says what became of the call's own requests instead). Carries the status and the start of the body
 * (secrets scrubbed from the whole body before it is cut).
 */
export class FeishuResponseError extends FeishuError {
  override name = 'FeishuResponseError';
  declare readonly status: number;
  declare readonly contentType: string | undefined;
  /** The first 200 characters of the body (empty when it was too large to read). */
  declare readonly bodySnippet: string;
  declare readonly logId: string | undefined;
  /** The request was sent and no envelope says what became of it. */
  outcomeUnknown = true;
  /** Requests the call sent, this one included. */
  attempts = 1;

  constructor(init: {
    operation: string | undefined;
    status: number;
    contentType: string | null;
    /** The body, or undefined when it was over `tooLarge` bytes and left unread. */
    body: string | undefined;
    logId: string | null;
    tooLarge?: number;
    /** The client's and the call's secrets: applied to the whole body before it is cut. */
    scrub?: Scrub | undefined;
  }) {
    const { operation, status, contentType, body, scrub = String } = init;
    const bodySnippet = redact(scrub(body ?? '').slice(0, 200));
    super(
      `${operation ?? 'request'} got ${
        body === undefined
          ? `an answer over maxResponseBytes (${init.tooLarge} bytes)`
          : 'an answer without the Feishu envelope'
      } (HTTP ${status}, ${contentType ?? 'no content-type'})${body === undefined ? '' : `: ${JSON.stringify(bodySnippet.slice(0, 80))}`}`,
      operation,
    );
    Object.assign(this, { status, contentType: contentType ?? undefined, bodySnippet, logId: init.logId ?? undefined });
  }
}
