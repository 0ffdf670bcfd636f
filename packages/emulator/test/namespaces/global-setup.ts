// One emulator server for both parallel files: each file works in its own namespace on this port.
import type { TestProject } from 'vitest/node';
import { startEmulator } from '../../src/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    emulatorUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const running = await startEmulator({ fixture: 'empty' });
  project.provide('emulatorUrl', running.url);
  return () => running.close();
}
