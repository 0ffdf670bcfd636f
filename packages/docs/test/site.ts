// The built site in a real browser, as the browser tests share it: the docs' own static server on a free
// port, and Debian's Chromium through playwright-core started as this machine needs it (headless, no
// sandbox as root, no background networking: its connections would be refused by the closed network).
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from '../scripts/serve.mjs';

/** The two viewports every layout check runs at. */
export const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/** Serves `dist` and starts Chromium for the file's tests (both stopped after them). */
export function useSite(dist: string): { browser: Browser; url: string } {
  const site = {} as { browser: Browser; url: string };
  let server: { server: import('node:http').Server; url: string } | undefined;
  beforeAll(async () => {
    server = await serveStatic(dist);
    site.url = server.url;
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    server?.server.close();
  });
  return site;
}
