// @feishu-task/client/advice: the pages' troubleshooting advice per documented error code, in English and
// Chinese. An entry of its own so apps that do not show advice do not bundle the texts. Either hand
// `advice('en' | 'zh')` to createCore (the advice then travels in FeishuApiError's `advice` and message),
// or look it up when an error is shown: `explain(error, 'zh')`.
import { adviceZh, adviceEn as english } from '@feishu-task/types';
import { FeishuApiError } from './errors/api-error.js';
import { FeishuInputError } from './errors/input-error.js';
import type { Advice } from './options.js';

export type AdviceLanguage = 'en' | 'zh';

/** English advice by the documented error name (what createClient puts in every FeishuApiError). */
export const adviceEn: Advice = (_operation, _code, name) => (english as Record<string, string | undefined>)[name];

const adviceZhOf: Advice = (operation, code) =>
  (adviceZh as Record<string, Record<number, string> | undefined>)[operation]?.[code];

const byLanguage: Record<AdviceLanguage, Advice> = { en: adviceEn, zh: adviceZhOf };

// Only the pages' languages: another is an error naming it, not a silent fall-back to English.
function lookupFor(language: AdviceLanguage, caller: string): Advice {
  const lookup = Object.hasOwn(byLanguage, language) ? byLanguage[language] : undefined;
  if (!lookup)
    throw new FeishuInputError(caller, 'language', `must be 'en' or 'zh', got ${JSON.stringify(String(language))}`);
  return lookup;
}

/** The advice lookup for createCore's `advice` option. */
export function advice(language: AdviceLanguage = 'en'): Advice {
  return lookupFor(language, 'advice');
}

/** The documented advice for a FeishuApiError (undefined for anything else or an undocumented code). */
export function explain(error: unknown, language: AdviceLanguage = 'en'): string | undefined {
  const lookup = lookupFor(language, 'explain');
  if (!(error instanceof FeishuApiError) || error.codeName === undefined) return undefined;
  return lookup(error.operation, error.code, String(error.codeName));
}
