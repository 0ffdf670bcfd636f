// A failed request is told with its root cause: each address tried, by code and address only.
import { expect, it } from 'vitest';
import { errorText } from '../src/error-text.js';

const sysError = (code: string, address: string, port: number) =>
  Object.assign(new Error(`connect ${code} ${address}:${port} with secret-in-message`), { code, address, port });

it('names every address tried by code and address, not by the system message', () => {
  const error = new TypeError('fetch failed', {
    cause: new AggregateError([sysError('ECONNREFUSED', '::1', 4010), sysError('ECONNREFUSED', '127.0.0.1', 4010)]),
  });
  expect(errorText(error)).toBe('fetch failed (ECONNREFUSED ::1:4010, ECONNREFUSED 127.0.0.1:4010)');
  expect(errorText(new Error('plain'))).toBe('plain');
});
