import type { TestProject } from 'vitest/node';
import { type Mock, startMock } from '../src/index.js';

let mock: Mock | undefined;

export async function setup(project: TestProject) {
  const started = Date.now();
  mock = await startMock({ port: 0 });
  project.provide('mockUrl', mock.url);
  console.log(`mock ${mock.url} ready in ${Date.now() - started} ms`);
}

export async function teardown() {
  await mock?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}
