// The README's example, as written (its output comments are checked here).
import { expect, it } from 'vitest';
import { createPlatform, gatewayRefusal, logId, refuseTarget, route } from '../src/index.js';
import { loadBundledSpec } from '../src/node.js';

it("the README's example answers as its comments say", () => {
  const platform = createPlatform(loadBundledSpec());
  const routed = route(platform, 'GET', '/open-apis/task/v2/tasklists/g/add_members');
  expect('refused' in routed).toBe(true);
  if (!('refused' in routed)) return;
  const answer = gatewayRefusal(platform, routed.refused, logId());
  expect(answer).toMatchObject({
    status: 400,
    body: { code: 9499, msg: expect.stringMatching(/^Bad Request: GET is not a method of .*; it takes POST$/) },
  });
  expect(Object.keys(answer.body.error).sort()).toEqual(['log_id', 'troubleshooter']);
  expect(refuseTarget('/open-apis/task/v1/tasks/../x')).toBe('the path has a "." or ".." segment');
});
