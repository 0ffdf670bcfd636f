// One Prism mock (@feishu-task/mock) for the contract and README tests of the client.
import { type Mock, startMock } from '@feishu-task/mock';
import type { TestProject } from 'vitest/node';

let mock: Mock | undefined;

export async function setup(project: TestProject) {
  mock = await startMock({ port: 0 });
  project.provide('mockUrl', mock.url);
}

export async function teardown() {
  await mock?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}
