// @ts-check
/**
 * Mutation testing of the core rules (issue #15): measuring and CRS (src/lib/geo/), the plan and
 * its audit (src/lib/plan/) and the import's validation. `npm run test:mutation`; slow, so not in
 * CI. The score per file is printed and kept in reports/mutation/ (HTML and JSON).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  // Mutants of module-level code (the plan parsed at import, message and unit tables) need every
  // test that imports the module: about half the mutants and 93 % of the run. Left out.
  ignoreStatic: true,
  mutate: [
    'src/lib/geo/**/*.js',
    'src/lib/plan/**/*.ts',
    // The import's validation, split by step (validate.ts names them).
    'src/lib/import/{validate,feature-report,geometry-checks,spec-skeleton,topology,positions}.ts'
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 70, break: null },
  concurrency: 2,
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
};
