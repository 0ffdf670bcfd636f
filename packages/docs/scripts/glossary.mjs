// One word per concept, in both languages: every label the build writes (the summary card, the error
// table, the sources, the samples' menu and comments, the page chrome) comes from here, and `avoid`
// lists the other words for the same concept that must not appear on the zh site. The build fails on
// an avoided word in any file it publishes (checkChinese over dist/: the content pages, the changelog,
// the spec's own Chinese texts in reference.json and openapi.yaml/json, the samples, the try-it
// bundle), and test/glossary.test.ts reads the built site with the same table. The spec's texts are
// checked where the docs publish them (data flows spec -> docs: the spec imports nothing from here).
export const GLOSSARY = {
  authentication: { en: 'Authentication', zh: '身份验证', avoid: ['鉴权', '认证'] },
  scope: { en: 'scope', zh: '权限', avoid: ['权限范围', '作用域'] },
  rateLimit: { en: 'Rate limit', zh: '频率限制', avoid: ['速率限制', '频控'] },
  token: { en: 'access token', zh: '访问凭证', avoid: ['令牌'] },
  errorCode: { en: 'Error codes', zh: '错误码', avoid: ['错误代码'] },
  request: { en: 'Request', zh: '请求', avoid: [] },
  response: { en: 'Responses', zh: '响应', avoid: ['返回值'] },
  requestHeaders: { en: 'Headers', zh: '请求头', avoid: [] },
  requestBody: { en: 'Body', zh: '请求体', avoid: [] },
  responseHeaders: { en: 'Headers', zh: '响应头', avoid: [] },
  responseBody: { en: 'Body', zh: '响应体', avoid: [] },
  collaborator: { en: 'collaborator', zh: '执行者', avoid: ['协作者'] },
  tasklist: { en: 'tasklist', zh: '清单', avoid: ['任务清单列表'] },
  sources: { en: 'Sources', zh: '出处', avoid: ['信息来源'] },
  unsourced: { en: 'Unsourced', zh: '无出处', avoid: ['无文档来源'] },
  customApp: { en: 'custom app', zh: '企业自建应用', avoid: ['自建应用程序'] },
  officialSdk: { en: 'official SDK', zh: '官方 SDK', avoid: [] },
  changelog: { en: 'Changelog', zh: '更新日志', avoid: ['变更日志'] },
  gettingStarted: { en: 'Getting started', zh: '开始使用', avoid: ['入门指南'] },
  emulator: { en: 'emulator', zh: '模拟器', avoid: ['仿真器'] },
};

// The official pages' own words, quoted verbatim by the spec, stay as the page says them even where
// the glossary picks another word for the concept (the page's title word is the glossary's: "新增执行者"
// names the v1 collaborator 执行者, while the same page's error table still says 协作者). Each quote
// names the page that says it; test/glossary.test.ts checks that every quote is on the built site (no
// stale exemption) and, where the pages are at hand (../shared/seeds), that the page says it.
export const QUOTES = [
  {
    text: '用户已经是任务的协作者，不能重复添加',
    page: 'https://open.feishu.cn/document/server-docs/task-v1/task-collaborator/create',
    why: 'the advice column of error 1470431, copied as the page gives it',
  },
  {
    text: '清单是如何鉴权的？',
    page: 'https://open.feishu.cn/document/task-v2/tasklist/add_members',
    why: 'a section title of the tasklist overview, named in the advice of error 1470403',
  },
];

/** The text with the quoted pages' words taken out (each occurrence of a quote). */
export const withoutQuotes = (text) => QUOTES.reduce((t, q) => t.split(q.text).join(' '), text);

/** The word for a concept in one language. */
export const term = (key, lang) => {
  const entry = GLOSSARY[key];
  if (!entry) throw new Error(`glossary: no entry "${key}"`);
  return entry[lang];
};

/** Every avoided word found in a Chinese text (outside the quotes), with the word to use instead. */
export function avoidedWords(text) {
  const found = [];
  text = withoutQuotes(text);
  for (const [key, entry] of Object.entries(GLOSSARY))
    for (const word of entry.avoid) if (text.includes(word)) found.push({ key, word, use: entry.zh });
  return found;
}

/** Throws when a Chinese text the build publishes uses an avoided word (`where` names it). */
export function checkChinese(text, where) {
  const found = avoidedWords(text);
  if (found.length)
    throw new Error(
      `glossary: ${where} says ${found.map((f) => `"${f.word}" (use "${f.use}")`).join(', ')}; see scripts/glossary.mjs`,
    );
}
