/**
 * Every unit test must assert something when it runs: a test whose expectations sit in a loop
 * over an empty list, or behind an `if` that is false, passes without checking anything. Set up
 * for every test file (vite.config.ts `setupFiles`).
 */
import { beforeEach, expect } from 'vitest';

beforeEach(() => {
  expect.hasAssertions();
});
