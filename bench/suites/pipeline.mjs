// Pipeline: `pnpm build` in a scratch copy of the repo, cold (no turbo cache,
// no dist), again with nothing changed (every task a cache hit), and after a
// one-spec edit (only that package, and the site that reads every spec,
// rebuild). Warm and one-spec times are the median of 3 and are reported as
// ratios to the cold build of the same run.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { figure, median } from '../harness.mjs';
import { cleanEnv, PNPM, run as runCommand, timed } from '../pipeline/commands.mjs';
import { editSpecDescription } from '../pipeline/spec-edit.mjs';
import { copyRepo } from '../pipeline/temp-repo.mjs';
import {
  listSummaries,
  readSummaries,
  rebuiltPackages,
  tasksFromLog,
  uncachedTasks,
} from '../pipeline/turbo-runs.mjs';

export const about =
  'pnpm build in a temp copy of the repo: cold, fully cached and after a one-spec change';

/** The spec the one-spec change edits, and its package. */
const EDITED_API = 'fortid-verifier';
const EDITED_PACKAGE = `@credstat/${EDITED_API}`;
const REPEATS = 3;

const NAMES = {
  cold: 'pipeline.build.cold',
  warm: 'pipeline.build.cached',
  warmMissed: 'pipeline.build.cached.tasks-run',
  oneSpec: 'pipeline.build.one-spec-change',
  rebuilt: 'pipeline.build.one-spec-change.packages-rebuilt',
};

/** `git status` of the developer's repo: the run must leave it as it was. */
const gitStatus = (root) =>
  execFileSync('git', ['status', '--porcelain=v1', '-uall'], { cwd: root }).toString();

/** A note naming what changed in the repo's status during the run ('' if nothing): it should be nothing. */
function statusChange(before, after) {
  const lines = (text) => new Set(text.split('\n').filter(Boolean));
  const [was, now] = [lines(before), lines(after)];
  const changed = [...[...was].filter((l) => !now.has(l)), ...[...now].filter((l) => !was.has(l))];
  if (changed.length === 0) return '';
  const paths = [...new Set(changed.map((line) => line.slice(3)))];
  const shown = paths.slice(0, 5).join(', ') + (paths.length > 5 ? ', …' : '');
  return ` The repo's git status changed during the run (by this run, or by someone working in it): ${shown}.`;
}

/** One `pnpm build`, timed, with the tasks turbo ran (from its run summaries, else its log). */
async function build(dir, env) {
  const before = new Set(listSummaries(dir));
  const result = await runCommand([...PNPM, 'build'], { cwd: dir, env });
  const fresh = listSummaries(dir).filter((name) => !before.has(name));
  const tasks =
    fresh.length > 0 ? readSummaries(dir, fresh) : tasksFromLog(result.stdout + result.stderr);
  return { ms: result.ms, tasks };
}

async function install(dir, env, log) {
  const offline = await timed([...PNPM, 'install', '--offline', '--frozen-lockfile'], {
    cwd: dir,
    env,
  });
  if (offline.code === 0) return 'offline';
  log('  offline install failed; installing online');
  await runCommand([...PNPM, 'install', '--frozen-lockfile'], { cwd: dir, env });
  return 'online';
}

function skipped(note) {
  return [
    figure({ name: NAMES.cold, value: null, unit: 'ms', better: 'lower', note }),
    figure({ name: NAMES.warm, value: null, unit: 'ms', better: 'lower', goalOf: 'ratio', note }),
    figure({ name: NAMES.warmMissed, value: null, unit: 'tasks', goal: 0, better: 'lower', note }),
    figure({
      name: NAMES.oneSpec,
      value: null,
      unit: 'ms',
      better: 'lower',
      goalOf: 'ratio',
      note,
    }),
    figure({ name: NAMES.rebuilt, value: null, unit: 'packages', goal: 1, better: 'lower', note }),
  ];
}

export async function run({ log, quick, root }) {
  if (quick) return skipped('skipped in quick mode (a cold build alone takes about a minute)');
  const statusBefore = gitStatus(root);
  const copy = copyRepo(root);
  try {
    log(`  copied ${copy.files} files to ${copy.dir}`);
    // The run summaries say which tasks were cache hits.
    const env = cleanEnv({ TURBO_RUN_SUMMARY: 'true' });
    const how = await install(copy.dir, env, log);
    log(`  installed (${how})`);

    const cold = await build(copy.dir, env);
    log(`  cold build: ${Math.round(cold.ms)} ms, ${cold.tasks.length} tasks`);

    const warm = [];
    for (let i = 0; i < REPEATS; i++) {
      warm.push(await build(copy.dir, env));
      log(`  cached build ${i + 1}/${REPEATS}: ${Math.round(warm.at(-1).ms)} ms`);
    }
    const missed = [...new Set(warm.flatMap((b) => uncachedTasks(b.tasks)))];

    const spec = join(copy.dir, 'specs', EDITED_API, 'openapi.yaml');
    const changed = [];
    for (let i = 0; i < REPEATS; i++) {
      editSpecDescription(spec, `Benchmark edit ${i + 1}.`);
      changed.push(await build(copy.dir, env));
      log(`  one-spec build ${i + 1}/${REPEATS}: ${Math.round(changed.at(-1).ms)} ms`);
    }
    const rebuilt = [...new Set(changed.flatMap((b) => rebuiltPackages(b.tasks)))].sort();

    const untouched = statusChange(statusBefore, gitStatus(root));
    const warmMs = median(warm.map((b) => b.ms));
    const oneSpecMs = median(changed.map((b) => b.ms));
    return [
      figure({
        name: NAMES.cold,
        value: cold.ms,
        unit: 'ms',
        better: 'lower',
        note: `${cold.tasks.length} turbo tasks, none cached; install ${how}.${untouched}`,
      }),
      figure({
        name: NAMES.warm,
        value: warmMs,
        unit: 'ms',
        baseline: cold.ms,
        ratio: warmMs / cold.ms,
        better: 'lower',
        note: `median of ${REPEATS}, over the cold build`,
      }),
      figure({
        name: NAMES.warmMissed,
        value: missed.length,
        unit: 'tasks',
        goal: 0,
        better: 'lower',
        note: missed.length ? `not cached: ${missed.join(', ')}` : 'every task a cache hit',
      }),
      figure({
        name: NAMES.oneSpec,
        value: oneSpecMs,
        unit: 'ms',
        baseline: cold.ms,
        ratio: oneSpecMs / cold.ms,
        better: 'lower',
        note: `median of ${REPEATS} edits of specs/${EDITED_API}/openapi.yaml, over the cold build`,
      }),
      figure({
        name: NAMES.rebuilt,
        value: rebuilt.length,
        unit: 'packages',
        goal: 1,
        better: 'lower',
        note: `rebuilt: ${rebuilt.join(', ') || 'none'} (expected ${EDITED_PACKAGE}; the root site always re-runs)`,
      }),
    ];
  } finally {
    copy.remove();
  }
}
