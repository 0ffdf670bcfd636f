// The control API's inputs, one TypeBox schema per route (JSON Schema and TS type from one source):
// bodies and query parameters are checked before anything changes, and a refusal names the field.
import type { Static } from 'typebox';
import * as Type from 'typebox';
import { MAX_EPOCH_MS } from './clock.js';

export const ClockInputSchema = Type.Object(
  {
    /** Milliseconds to move virtual time forward (never back: use `set`). */
    advanceMs: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_EPOCH_MS })),
    /** Virtual now, epoch milliseconds. */
    set: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_EPOCH_MS })),
    frozen: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ClockInput = Static<typeof ClockInputSchema>;

export const UserTokenInputSchema = Type.Object(
  {
    /** Any of the user's ids (an unknown open_id is registered). */
    user: Type.String({ minLength: 1 }),
    app_id: Type.Optional(Type.String({ minLength: 1 })),
    /** Lifetime, seconds (default: tokenTtlSeconds). */
    expire: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 * 365 * 86_400 })),
  },
  { additionalProperties: false },
);
export type UserTokenInput = Static<typeof UserTokenInputSchema>;

const digits = Type.String({ pattern: '^[0-9]{1,9}$' });
const flag = Type.Union([Type.Literal('true'), Type.Literal('false')]);

/** `GET /__emulator/journal?operation=&limit=`: an operationId, at most the last `limit` entries. */
export const JournalQuerySchema = Type.Object(
  { operation: Type.Optional(Type.String({ minLength: 1 })), limit: Type.Optional(digits) },
  { additionalProperties: false },
);

/** `POST /__emulator/reset?dropTokens=true`: forget issued tokens too. */
export const ResetQuerySchema = Type.Object({ dropTokens: Type.Optional(flag) }, { additionalProperties: false });

/** Routes that take no query parameters. */
export const NoQuerySchema = Type.Object({}, { additionalProperties: false });
