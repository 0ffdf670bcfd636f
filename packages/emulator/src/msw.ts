// The MSW door: request handlers (msw 3) that hand the intercepted Request to the engine's Fetch handler,
// so browser and in-process tests need no server. Faults behave as on the wire: a dropped connection is
// a network error (Response.error()), a truncated body fails while it is read.
import { http, type RequestHandler } from 'msw';
import { Emulator, type EmulatorOptions } from './engine.js';
import { createFetchHandler } from './fetch.js';

export interface EmulatorHandlersOptions {
  /** Base URLs to answer for (default: the spec's servers, https://open.feishu.cn and https://open.larksuite.com). */
  baseUrl?: string | string[];
}

/** MSW handlers answering from `emulator` (or from a new one made with `options`). */
export function emulatorHandlers(
  emulator: Emulator | EmulatorOptions = {},
  options: EmulatorHandlersOptions = {},
): RequestHandler[] & { emulator: Emulator } {
  const engine = emulator instanceof Emulator ? emulator : new Emulator(emulator);
  const servers: string[] = (engine.spec.servers ?? []).map((s: { url: string }) => s.url);
  const bases = [options.baseUrl ?? servers].flat().map((b) => b.replace(/\/$/, ''));
  // One Fetch handler serves the control API and the engine, as the HTTP door's does.
  const serve = createFetchHandler(engine);
  const handlers = bases.map((base) => http.all(`${base}/*`, ({ request }) => serve(request)));
  return Object.assign(handlers as RequestHandler[], { emulator: engine });
}
