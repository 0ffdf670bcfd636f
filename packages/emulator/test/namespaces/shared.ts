// What both parallel files do, each in its own namespace of one server: the same task id, different
// collaborators, a clock moved in one only, a setting changed in one only.
import { expect } from 'vitest';

export const TASK = 'shared-task';

/** Control calls to namespace `ns` (by the header). */
export function control(url: string, ns: string) {
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/__emulator${path}`, {
      method,
      headers: { 'x-emulator-namespace': ns, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.status, `${method} ${path}`).toBe(200);
    return res.json();
  };
}

/** Waits until both files have arrived (proof that they run at the same time), at most 30 s. */
export async function rendezvous(url: string, me: string, other: string) {
  const ctl = control(url, 'rendezvous');
  await ctl('POST', '/seed', { tasks: [{ id: me }] });
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const state = await ctl('GET', '/snapshot');
    if (state.tasks.some((t: { id: string }) => t.id === other)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${other} never arrived: the two files did not run in parallel`);
}

export const pause = () => new Promise((r) => setTimeout(r, 20));
