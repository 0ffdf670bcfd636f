// A small HTTP proxy in front of an upstream server: each deviation rewrites the first answer it
// matches (and only that one), so a test knows exactly which differences a report must list.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  method: string;
  path: string;
  requestHeaders: Record<string, string | string[] | undefined>;
  status: number;
  headers: Record<string, string>;
  json: Record<string, unknown> | undefined;
}

export interface Deviation {
  name: string;
  matches(answer: Answer): boolean;
  apply(answer: Answer): void;
}

export interface RunningProxy {
  url: string;
  /** Deviations that were applied, in order. */
  applied: string[];
  /** Every request received (method and path). */
  received: string[];
  /** Every tenant_access_token the upstream handed out. */
  tokens: string[];
  close(): Promise<void>;
}

export async function startProxy(upstream: string, deviations: Deviation[] = []): Promise<RunningProxy> {
  const pending = [...deviations];
  const applied: string[] = [];
  const received: string[] = [];
  const tokens: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host') headers.set(k, v);
    received.push(`${req.method} ${req.url}`);
    const upstreamAnswer = await fetch(upstream + (req.url ?? '/'), {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    const text = await upstreamAnswer.text();
    const answer: Answer = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://x').pathname,
      requestHeaders: req.headers,
      status: upstreamAnswer.status,
      headers: {},
      json: undefined,
    };
    upstreamAnswer.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') answer.headers[k] = v;
    });
    try {
      answer.json = JSON.parse(text);
    } catch {}
    if (typeof answer.json?.tenant_access_token === 'string') tokens.push(answer.json.tenant_access_token);
    const i = pending.findIndex((d) => d.matches(answer));
    const [deviation] = i >= 0 ? pending.splice(i, 1) : [];
    if (deviation) {
      deviation.apply(answer);
      applied.push(deviation.name);
    }
    const body = answer.json === undefined ? text : JSON.stringify(answer.json);
    res.writeHead(answer.status, answer.headers);
    res.end(body);
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    applied,
    received,
    tokens,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
