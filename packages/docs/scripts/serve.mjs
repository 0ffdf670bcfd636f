// Serves dist/ for `pnpm start` and the browser test with sirv: the build writes .br and .gz beside every
// text file, and sirv answers with the smallest one the browser accepts (Content-Encoding, Vary).
// Hashed assets under /assets/ are cached for a year; pages are revalidated.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

export function serveStatic(root, port = 0, host = '127.0.0.1') {
  const handler = sirv(root, {
    brotli: true,
    gzip: true,
    dev: false,
    etag: true,
    setHeaders(res, pathname) {
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      );
    },
  });
  const server = createServer((req, res) =>
    handler(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }),
  );
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen({ server, url: `http://${host}:${server.address().port}` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(new URL('../dist', import.meta.url)));
  const { url } = await serveStatic(root, Number(process.env.DOCS_PORT ?? 8080));
  console.log(`docs served at ${url}/`);
}
