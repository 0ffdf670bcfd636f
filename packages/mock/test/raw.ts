import { request } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  ms: number;
}

/**
 * One HTTP request as sent, path and all (fetch would normalise `..` and refuse odd methods), with an
 * optional body sent in slow chunks. Rejects when no answer comes within `timeoutMs`.
 */
export function raw(
  base: string,
  opts: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: Buffer | string;
    chunkDelayMs?: number;
    timeoutMs?: number;
  },
): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  const t0 = performance.now();
  // Every body is framed (Node's client sends a GET, DELETE or OPTIONS body with neither a length
  // nor chunks: bytes the server must read as a second, malformed request).
  const payload = opts.body === undefined ? undefined : Buffer.from(opts.body);
  const headers = !payload
    ? opts.headers
    : opts.chunkDelayMs
      ? { ...opts.headers, 'transfer-encoding': 'chunked' }
      : { ...opts.headers, 'content-length': String(payload.length) };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, method: opts.method, path: opts.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - t0,
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(opts.timeoutMs ?? 5000, () =>
      req.destroy(new Error(`no answer within ${opts.timeoutMs ?? 5000} ms`)),
    );
    req.on('error', reject);
    const body = payload;
    if (!body || !opts.chunkDelayMs) return void req.end(body);
    let at = 0;
    const step = Math.max(1, Math.ceil(body.length / 5));
    const next = () => {
      if (at >= body.length) return void req.end();
      req.write(body.subarray(at, at + step));
      at += step;
      setTimeout(next, opts.chunkDelayMs);
    };
    next();
  });
}
