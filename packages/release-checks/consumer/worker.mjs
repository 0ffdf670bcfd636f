// workerd entry (bundled with esbuild, run by Miniflare).
import { run } from './build/app.js';

export default {
  async fetch(_request, env) {
    return Response.json(await run(env.MOCK_URL));
  },
};
