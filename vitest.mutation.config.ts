/**
 * The unit tests as Stryker runs them (stryker.config.json): all but those that start the CLI in
 * a child process (cli, parity), which cannot see the mutant under test and only cost time.
 * Instrumented code runs several times slower: generous timeouts.
 *
 * MUTATION_TESTS=a.test.ts,b.test.ts (file names under tests/unit/) limits the run to those
 * files, for a quick score of one module against its own tests (a lower bound of the full score):
 * `MUTATION_TESTS=geo-length.test.ts npx stryker run --mutate src/lib/geo/length.js`.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vite.config';

const focus = process.env.MUTATION_TESTS?.split(',').map((name) => `tests/unit/${name.trim()}`);

const config = mergeConfig(
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

// Set, not merged: mergeConfig would append the list to the base config's include.
if (focus) config.test!.include = focus;

export default config;
