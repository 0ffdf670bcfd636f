// The control's words in the page's language (<html lang>). Codes, names and messages come from the spec;
// the Chinese words for the site's concepts come from the docs' glossary (one word per concept).
// @ts-expect-error plain ESM module of the docs build, without types
import { term } from '../../scripts/glossary.mjs';

const zhTerm = (key: string): string => term(key, 'zh');
export type Lang = 'en' | 'zh';

export const pageLang = (): Lang => (/^zh/i.test(document.documentElement.lang) ? 'zh' : 'en');

const en = {
  tryIt: 'Try it',
  colon: ': ',
  close: 'Close',
  intro:
    'Sends this request to the emulator running inside this page, prefilled from the reference’s example. Nothing leaves the page.',
  pathParams: 'Path parameters',
  queryParams: 'Query parameters',
  token: 'Access token (Authorization: Bearer …)',
  tokenNote: (app: string) =>
    `A tenant_access_token the in-page emulator issued to its test app ${app}; renewed before each send. Clear it to send no token.`,
  body: 'Request body (JSON)',
  required: 'required',
  send: 'Send',
  sending: 'Sending…',
  reset: 'Reset the emulator',
  resetDone: 'The emulator is back at the reference’s example state.',
  scenarios: 'Error scenarios',
  scenariosNote: 'Each one sets the emulator up from the example state, then sends the request above.',
  request: 'Request',
  status: 'Status',
  code: 'code',
  headers: 'Response headers',
  responseBody: 'Response body',
  state: 'State changed by this request',
  noChange: 'No change.',
  setup: 'Set up',
  loading: 'Loading the emulator…',
  failed: 'The emulator could not run this request:',
  loadFailed: 'Try it could not load; click again to retry:',
  header: 'Header',
  value: 'Value',
  setups: {
    notCollaborator: (user: string, task: string) => `${user} removed from the collaborators of task ${task} (state).`,
    collaboratorCap: (task: string, n: number) =>
      `Task ${task} given ${n} collaborators, the most a task may hold (state).`,
    memberCap: (list: string, n: number) =>
      `Tasklist ${list} given ${n} members (the emulator’s member limit), none of them nor its owner among the request’s members (state).`,
    rateLimited: (n: number) =>
      `${n} requests of this operation sent first, to another id, until the quota ran out (quota).`,
    expiredToken: (s: number) =>
      `A new token issued, then the emulator’s clock moved ${s} s on, past its expiry (clock).`,
    wrongSecret: (app: string) => `App ${app} registered with another secret (state).`,
  },
};

const zh: typeof en = {
  tryIt: '试一试',
  colon: '：',
  close: '收起',
  intro: '把本请求发送到本页面内运行的模拟器，参数取自参考文档的示例。请求不会离开本页面。',
  pathParams: '路径参数',
  queryParams: '查询参数',
  token: `${zhTerm('token')}（Authorization: Bearer …）`,
  tokenNote: (app: string) =>
    `页面内模拟器为其测试应用 ${app} 签发的 tenant_access_token，每次发送前自动续期。清空后将不带凭证发送。`,
  body: `${zhTerm('requestBody')}（JSON）`,
  required: '必填',
  send: '发送',
  sending: '发送中…',
  reset: '重置模拟器',
  resetDone: '模拟器已恢复为参考文档示例的状态。',
  scenarios: '错误场景',
  scenariosNote: '每个场景先从示例状态开始设置模拟器，再发送上面的请求。',
  request: zhTerm('request'),
  status: '状态',
  code: zhTerm('errorCode'),
  headers: zhTerm('responseHeaders'),
  responseBody: zhTerm('responseBody'),
  state: '本次请求改变的状态',
  noChange: '无变化。',
  setup: '设置',
  loading: '正在加载模拟器…',
  failed: '模拟器无法执行此请求：',
  loadFailed: '“试一试”加载失败，可再次点击重试：',
  header: '名称',
  value: '值',
  setups: {
    notCollaborator: (user, task) => `已将 ${user} 从任务 ${task} 的执行者中移除（状态）。`,
    collaboratorCap: (task, n) => `任务 ${task} 已有 ${n} 个执行者，即一个任务的上限（状态）。`,
    memberCap: (list, n) =>
      `清单 ${list} 已有 ${n} 个成员（模拟器的成员上限），其成员与负责人均不在本请求的成员之中（状态）。`,
    rateLimited: (n) => `先向另一个 ID 发送本接口的 ${n} 个请求，直到频率配额用尽（配额）。`,
    expiredToken: (s) => `签发新凭证后，把模拟器时钟向后拨 ${s} 秒，越过其有效期（时钟）。`,
    wrongSecret: (app) => `应用 ${app} 已用另一个密钥注册（状态）。`,
  },
};

export const labels = { en, zh };
export type Labels = typeof en;
