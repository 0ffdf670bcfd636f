// A tiny static server for dist/ (used by `pnpm start` and the browser test).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript',
  '.png': 'image/png',
};

export function serveStatic(root, port = 0, host = '127.0.0.1') {
  const server = createServer((req, res) => {
    let file = normalize(join(root, decodeURIComponent((req.url ?? '/').split('?')[0])));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
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
