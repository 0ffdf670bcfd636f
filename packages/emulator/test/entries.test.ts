// The main entry is the engine entry plus the Node doors: whatever `@feishu-task/emulator/engine` gives a
// browser, `@feishu-task/emulator` gives Node as the same object (browser.test.ts keeps the engine
// entry free of node: modules).
import { expect, it } from 'vitest';
import * as engine from '../src/engine-entry.js';
import * as main from '../src/index.js';

it('the main entry re-exports every export of the engine entry, and adds only the Node doors', () => {
  const fromMain = new Map(Object.entries(main));
  for (const [name, value] of Object.entries(engine)) expect(fromMain.get(name), name).toBe(value);
  const extra = [...fromMain.keys()].filter((name) => !(name in engine));
  expect(extra.sort()).toEqual(['EmulatorStartError', 'createEmulatorServer', 'createHandler', 'startEmulator']);
});
