// Browser entry (bundled with esbuild, loaded by index.html in headless Chromium).
import { run } from './build/app.js';

window.result = run(new URL(location.href).searchParams.get('mock')).then(
  (lines) => ({ lines }),
  (error) => ({ error: String(error) }),
);
