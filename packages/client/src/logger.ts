import { redactDeep, type Scrub } from './redact.js';

/** Any console-like object. Lines and fields pass through redaction before they reach it. */
export interface Logger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

export type Log = (level: keyof Logger, message: string, fields?: Record<string, unknown>) => void;

/** Undefined without a logger, so that callers (`log?.(...)`) do not even build the fields. */
export function createLog(logger: Logger | undefined, scrub: () => Scrub): Log | undefined {
  if (!logger) return undefined;
  return (level, message, fields) => {
    const s = scrub();
    logger[level]?.(s(message), fields && redactDeep(fields, s));
  };
}
