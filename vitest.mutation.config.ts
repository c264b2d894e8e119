/**
 * The unit tests as Stryker runs them (stryker.config.json): all but those that start the CLI in
 * a child process (cli, parity), which cannot see the mutant under test and only cost time.
 * Instrumented code runs several times slower: generous timeouts.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vite.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['tests/unit/cli.test.ts', 'tests/unit/parity.test.ts', '**/node_modules/**'],
      testTimeout: 120_000,
      hookTimeout: 120_000,
      // Time limits in tests scale by this (tests/unit/support/time-budget.ts).
      env: { LINGHE_SLOWDOWN: '5' }
    }
  })
);
