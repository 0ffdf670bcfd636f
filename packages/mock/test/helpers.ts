import { inject } from 'vitest';

/** The URL of the one mock the global setup starts for the contract tests. */
export const mockUrl = () => inject('mockUrl');
