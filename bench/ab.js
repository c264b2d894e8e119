/**
 * Two builds of the app side by side (issue #17): alternating loads of each build's `/` (fresh
 * browser context per load, one warm-up each), and the medians of when the WebGL context was
 * made, when the map sent MapLibre's worker its data (message `LD`), when it asked for the first
 * tile (`LT`), when it first drew and when it was ready — with B's difference from A and B/A.
 * For a change to the first view, this is the measurement before `bench:load`: on two cores a
 * load varies by ±25 ms, so one change is judged by ten pairs in one run, not by two runs.
 * `bare` as a build is the bare MapLibre page (bench/bare/), built for the run.
 *
 * Usage: node bench/ab.js --a <build dir> --b <build dir> [--profile phone] [--pairs 10] [--path /]
 *        [--path-b '/?layers=context'] (B's page when it differs from A's: one build, two views)
 *        e.g. A the build of main, made in a worktree:
 *        git worktree add --detach /tmp/base main && (cd /tmp/base && npm ci && npx vite build)
 *        node bench/ab.js --a /tmp/base/build --b build
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../scripts/serve.js';
import { launchChromium, MAP_READY_TIMEOUT_MS } from '../tests/browser/harness.js';
import { serveBarePage } from './load-bare.js';
import {
  MARK_MAP_READY,
  NOTE_CONTEXT_AND_WORKERS,
  PROFILES,
  median,
  openPage
} from './load-measure.js';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    profile: { type: 'string', default: 'desktop' },
    pairs: { type: 'string', default: '10' },
    path: { type: 'string', default: '/' },
    'path-b': { type: 'string' }
  }
});
const profile = PROFILES[/** @type {'phone' | 'desktop'} */ (values.profile)];
if (!profile) throw new Error(`--profile: one of ${Object.keys(PROFILES).join(', ')}`);
const builds = [values.a, values.b].map((dir, i) => {
  if (!dir) throw new Error(`--${'ab'[i]}: a build directory (or bare)`);
  if (dir !== 'bare' && !existsSync(path.join(dir, 'index.html')))
    throw new Error(`${dir}: no build`);
  return dir === 'bare' ? dir : path.resolve(dir);
});

/** The milestones of one load, in ms after navigation; `ready` as bench:load has it. */
const MILESTONES = /** @type {const} */ (['context', 'data', 'firstTile', 'firstDraw', 'ready']);

/**
 * Runs in the page before its scripts, after NOTE_CONTEXT_AND_WORKERS (the WebGL context): notes
 * the first `LD` and `LT` messages to any worker (MapLibre's message codes,
 * util/actor_messages.ts) and the first draw.
 */
const NOTE_MILESTONES = () => {
  const seen = /** @type {Record<string, number>} */ ({});
  /** @type {any} */ (window).__milestones = seen;
  const note = (/** @type {string} */ name) => (seen[name] ??= performance.now());
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = /** @type {any} */ (
    function (/** @type {any} */ message, /** @type {any[]} */ ...rest) {
      if (message?.type === 'LD') note('data');
      if (message?.type === 'LT') note('firstTile');
      return post.call(this, message, ...rest);
    }
  );
  const proto = /** @type {any} */ (WebGL2RenderingContext.prototype);
  for (const name of ['drawElements', 'drawArrays']) {
    const draw = proto[name];
    proto[name] = function (/** @type {unknown[]} */ ...args) {
      note('firstDraw');
      return draw.apply(this, args);
    };
  }
};

/**
 * One load of `url` in a fresh context: its milestones.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @returns {Promise<Record<string, number>>}
 */
async function load(browser, url) {
  const { context, page } = await openPage(browser, profile);
  try {
    await context.addInitScript(MARK_MAP_READY);
    await context.addInitScript(NOTE_CONTEXT_AND_WORKERS);
    await context.addInitScript(NOTE_MILESTONES);
    await page.goto(url);
    await page.waitForFunction(() => /** @type {any} */ (window).__mapReadyAt !== undefined, null, {
      timeout: MAP_READY_TIMEOUT_MS * 2
    });
    return await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      return { ...w.__milestones, context: w.__contextAt, ready: w.__mapReadyAt };
    });
  } finally {
    await context.close();
  }
}

/** @param {string} dir */
async function serve(dir) {
  if (dir !== 'bare') return startServer({ root: dir, port: 0 });
  const bare = await serveBarePage((root) => startServer({ root, port: 0 }));
  return { url: bare.server.url, close: bare.close };
}

const browser = await launchChromium();
const servers = await Promise.all(builds.map(serve));
try {
  const paths = [values.path, values['path-b'] ?? values.path];
  const urls = servers.map((server, i) => `${server.url}${paths[i]}`);
  for (const url of urls) await load(browser, url); // warm-up, as bench/load.js does
  /** @type {Record<string, number>[][]} */
  const loads = [[], []];
  for (let pair = 0; pair < Number(values.pairs); pair++) {
    // Which goes first alternates, so neither always follows the other's load.
    for (const which of pair % 2 ? [1, 0] : [0, 1])
      loads[which].push(await load(browser, urls[which]));
  }
  // And ready − context, per load: what the map's own work takes, without the page's start.
  const medians = loads.map((runs) => [
    ...MILESTONES.map((name) => median(runs.map((run) => run[name] ?? NaN))),
    median(runs.map((run) => run.ready - (run.context ?? NaN)))
  ]);
  console.log(
    `${profile.name} profile, ${values.pairs} alternating pairs, Chromium ${browser.version()}; ` +
      'medians in ms after navigation'
  );
  const columns = [...MILESTONES, 'ready−ctx'];
  console.log(`  ${'build'.padEnd(5)} ${columns.map((name) => name.padStart(10)).join('')}`);
  medians.forEach((row, i) => {
    console.log(
      `  ${'AB'[i].padEnd(5)} ${row.map((value) => value.toFixed(0).padStart(10)).join('')}`
    );
  });
  const [a, b] = medians;
  console.log(
    `  ${'B−A'.padEnd(5)} ${b.map((v, i) => (v - a[i]).toFixed(0).padStart(10)).join('')}`
  );
  console.log(
    `  ${'B/A'.padEnd(5)} ${b.map((v, i) => (v / a[i]).toFixed(2).padStart(10)).join('')}`
  );
  loads.forEach((runs, i) => {
    console.log(
      `  ${'AB'[i]} ready, each load: ${runs.map((run) => run.ready.toFixed(0)).join(' ')}`
    );
  });
  console.log(`  A = ${builds[0]} ${paths[0]}\n  B = ${builds[1]} ${paths[1]}`);
} finally {
  await browser.close().catch(() => undefined);
  await Promise.all(servers.map((server) => server.close().catch(() => undefined)));
}
