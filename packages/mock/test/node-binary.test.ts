// On a Node older than Prism needs, the mock says exactly what to do and never fetches a Node itself.
import { afterEach, describe, expect, it } from 'vitest';
import { NodeTooOldError } from '../src/index.js';
import { prismEngine, prismNode, satisfies } from '../src/node-binary.js';

const real = process.version;
const saved = process.env.FEISHU_MOCK_NODE;
const pretend = (version: string) => Object.defineProperty(process, 'version', { value: version, configurable: true });
afterEach(() => {
  pretend(real);
  if (saved === undefined) delete process.env.FEISHU_MOCK_NODE;
  else process.env.FEISHU_MOCK_NODE = saved;
});

describe('the Node that runs Prism', () => {
  it("reads Prism's own engines field", () => {
    expect(prismEngine()).toMatchObject({ range: '>=24.18.0', min: [24, 18, 0] });
    expect(satisfies('v24.18.0', [24, 18, 0])).toBe(true);
    expect(satisfies('v24.17.9', [24, 18, 0])).toBe(false);
    expect(satisfies('v25.0.0', [24, 18, 0])).toBe(true);
  });

  it('is this process when it is new enough', () => {
    delete process.env.FEISHU_MOCK_NODE;
    pretend('v24.21.0');
    expect(prismNode()).toBe(process.execPath);
  });

  it('on Node 22: an error naming the versions and the three ways out', () => {
    delete process.env.FEISHU_MOCK_NODE;
    pretend('v22.11.0');
    const error = (() => {
      try {
        prismNode();
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(NodeTooOldError);
    expect(error?.message).toContain('Prism 5.16.0 needs Node >=24.18.0, and this process runs Node v22.11.0');
    expect(error?.message).toContain('FEISHU_MOCK_NODE="$(npx -y node@24 -p process.execPath)"');
    expect(error?.message).toContain('npx -y node@24 ./node_modules/.bin/vitest run');
    expect(error?.message).toContain('@feishu-task/emulator');
  });

  it('FEISHU_MOCK_NODE wins', () => {
    process.env.FEISHU_MOCK_NODE = '/opt/node24/bin/node';
    pretend('v20.0.0');
    expect(prismNode()).toBe('/opt/node24/bin/node');
  });
});
