// The page parser reads a page's endpoint, error table, rate limit and scopes, and tells broken prose apart.
import { describe, expect, it } from 'vitest';
import { parseSeed, seedsDir } from '../src/index.mjs';

const page = `---
source_url: https://open.feishu.cn/document/x
---
| HTTP URL | https://open.feishu.cn/open-apis/task/v1/tasks/:task_id/collaborators |
| HTTP Method | POST |
| 接口频率限制 | [100 次/分钟](https://example) |
| 权限 | 查看 (task:task:write) |

| HTTP状态码 | 错误码 | 描述 | 排查建议 |
| --- | --- | --- | --- |
| 400 | 1470429 | Too many. | 最多50人，见[文档](https://x) |
| 500 | 1470500 | Server error. | 重试 |

## next
| 400 | 1 | not in the table | - |
`;

describe('parseSeed', () => {
  it('reads the endpoint, address, error rows (links stripped), rate limit and scopes', () => {
    expect(parseSeed(page, 'p.txt')).toEqual({
      file: 'p.txt',
      source: 'https://open.feishu.cn/document/x',
      method: 'post',
      path: '/open-apis/task/v1/tasks/{task_id}/collaborators',
      errors: [
        { status: 400, code: 1470429, message: 'Too many.', advice: '最多50人，见文档' },
        { status: 500, code: 1470500, message: 'Server error.', advice: '重试' },
      ],
      rateLimit: { per_minute: 100, per_second: undefined },
      scopes: ['task:task:write'],
      readableProse: true,
    });
  });

  it('marks prose saved with a broken encoding as unreadable', () => {
    expect(parseSeed(`${page}\næ·»åŠ æ¸…å•æˆå‘˜`, 'p.txt').readableProse).toBe(false);
  });

  it('names the page when it has no endpoint', () => {
    expect(() => parseSeed('nothing', 'q.txt')).toThrow(/q\.txt: no HTTP URL/);
  });

  it('finds no seeds folder where there is none', () => {
    const saved = process.env.FEISHU_SEEDS_DIR;
    process.env.FEISHU_SEEDS_DIR = '/nonexistent/seeds';
    try {
      expect(seedsDir()).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.FEISHU_SEEDS_DIR;
      else process.env.FEISHU_SEEDS_DIR = saved;
    }
  });
});
