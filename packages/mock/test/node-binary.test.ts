// Prism runs on every Node the mock is tested on; on an older one the mock says exactly what to do and
// never fetches a Node itself.
import { afterEach, describe, expect, it } from 'vitest';
import { NodeTooOldError } from '../src/index.js';
import { mockEngine, prismEngine, prismNode, satisfies } from '../src/node-binary.js';

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
    expect(prismEngine()).toMatchObject({ version: '5.14.2', range: '>=18.20.1', min: [18, 20, 1] });
    expect(satisfies('v24.18.0', [24, 18, 0])).toBe(true);
    expect(satisfies('v24.17.9', [24, 18, 0])).toBe(false);
    expect(satisfies('v25.0.0', [24, 18, 0])).toBe(true);
  });

  it('is this process on every Node the mock is tested on (20, 22, 24), whatever Prism declares', () => {
    delete process.env.FEISHU_MOCK_NODE;
    expect(mockEngine().range).toBe('>=20');
    for (const version of ['v20.0.0', 'v22.11.0', 'v24.21.0']) {
      pretend(version);
      expect(prismNode()).toBe(process.execPath);
    }
  });

  it('on an older Node: an error naming the versions and the three ways out', () => {
    delete process.env.FEISHU_MOCK_NODE;
    pretend('v18.20.4');
    const error = (() => {
      try {
        prismNode();
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(NodeTooOldError);
    expect(error?.message).toContain(
      'runs Prism on Node >=20 (tested on 20, 22 and 24), and this process runs Node v18.20.4',
    );
    expect(error?.message).toContain('FEISHU_MOCK_NODE="$(npx -y node@22 -p process.execPath)"');
    expect(error?.message).toContain('npx -y node@22 ./node_modules/.bin/vitest run');
    expect(error?.message).toContain('@feishu-task/emulator');
  });

  it('FEISHU_MOCK_NODE wins', () => {
    process.env.FEISHU_MOCK_NODE = '/opt/node24/bin/node';
    pretend('v20.0.0');
    expect(prismNode()).toBe('/opt/node24/bin/node');
  });
});
