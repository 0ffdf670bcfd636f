// A fetch function answered by an in-process emulator through its Fetch-style door: no socket, no port.
import type { Emulator } from '@feishu-task/emulator';

export function emulatorFetch(emulator: Emulator): typeof fetch {
  return (input, init) => emulator.fetch(new Request(input, init));
}
