// Which packages a build rebuilt, and which tasks missed the cache, from
// turbo's run summaries or its log: the pipeline suite's verdicts rest on these.
import { describe, expect, it } from 'vitest';
import {
  rebuiltPackages,
  tasksFromLog,
  tasksFromSummary,
  uncachedTasks,
} from '../pipeline/turbo-runs.mjs';

type Status = 'HIT' | 'MISS';
/** A task of a turbo 2 run summary (.turbo/runs/<id>.json), trimmed to what is read. */
const task = (pkg: string, name: string, status: Status) => ({
  taskId: `${pkg}#${name}`,
  task: name,
  package: pkg,
  hash: '0123456789abcdef',
  cache: { local: status === 'HIT', remote: false, status, timeSaved: 0 },
});
const summary = (...tasks: ReturnType<typeof task>[]) => ({ id: 'run', version: '1', tasks });

const API = '@credstat/fortid-verifier';
const OTHER = '@credstat/fortid-wallet';
const CORE = '@credstat/core';
const apiTasks = (pkg: string, status: Status) =>
  ['lint:spec', 'generate', 'build', 'docs'].map((name) => task(pkg, name, status));

describe('rebuiltPackages from run summaries', () => {
  it.each([
    {
      case: 'a full cache hit rebuilds nothing',
      runs: [
        summary(...apiTasks(API, 'HIT'), ...apiTasks(OTHER, 'HIT')),
        summary(task('//', 'site', 'HIT')),
      ],
      rebuilt: [],
    },
    {
      case: 'a one-spec change: that package; the root site is not a package rebuilt',
      runs: [
        summary(task(CORE, 'build', 'HIT'), ...apiTasks(API, 'MISS'), ...apiTasks(OTHER, 'HIT')),
        summary(task('//', 'site', 'MISS')),
      ],
      rebuilt: [API],
    },
    {
      case: 'one task that missed is enough',
      runs: [summary(...apiTasks(API, 'HIT'), task(OTHER, 'docs', 'MISS'))],
      rebuilt: [OTHER],
    },
    {
      case: 'a cold build: every package, once each, sorted',
      runs: [
        summary(...apiTasks(OTHER, 'MISS'), task(CORE, 'build', 'MISS'), ...apiTasks(API, 'MISS')),
      ],
      rebuilt: [CORE, API, OTHER],
    },
    { case: 'no tasks at all', runs: [summary()], rebuilt: [] },
  ])('$case', ({ runs, rebuilt }) => {
    expect(rebuiltPackages(runs.flatMap(tasksFromSummary))).toEqual(rebuilt);
  });
});

describe('uncachedTasks', () => {
  it.each([
    { tasks: [task(API, 'build', 'HIT'), task('//', 'site', 'HIT')], uncached: [] },
    {
      tasks: [task(API, 'build', 'HIT'), task('//', 'site', 'MISS'), task(OTHER, 'docs', 'MISS')],
      uncached: ['//#site', `${OTHER}#docs`],
    },
  ])('lists $uncached', ({ tasks, uncached }) => {
    expect(uncachedTasks(tasksFromSummary(summary(...tasks)))).toEqual(uncached);
  });
});

describe('tasksFromSummary', () => {
  it('reads the package and task from the task id when the fields are missing', () => {
    const [only] = tasksFromSummary({
      tasks: [{ taskId: '@credstat/core#build', cache: { status: 'MISS' } }],
    });
    expect(only).toEqual({ package: CORE, task: 'build', cached: false });
  });
  it('counts a task without a cache hit on record as run (never a false cache hit)', () => {
    const tasks = tasksFromSummary({
      tasks: [{ taskId: `${API}#build` }, { taskId: `${API}#docs`, cache: { status: 'SKIPPED' } }],
    });
    expect(tasks.map((t: { cached: boolean }) => t.cached)).toEqual([false, false]);
    expect(rebuiltPackages(tasks)).toEqual([API]);
  });
});

describe('tasksFromLog', () => {
  const log = [
    '\u001b[2m@credstat/core:build: \u001b[0mcache hit, replaying logs 1a2b3c',
    `${API}:lint:spec: cache miss, executing 4d5e6f`,
    `${API}:lint:spec: Woohoo! Your API description is valid. 🎉`,
    `${OTHER}:docs: cache hit, replaying logs 7a8b9c`,
    `${OTHER}:build: cache bypass, force executing 0d0e0f`,
    '//:site: cache miss, executing 111222',
    ' Tasks:    5 successful, 5 total',
    'Cached:    2 cached, 5 total',
  ].join('\n');

  it('finds every task line, colours or not, and only those', () => {
    expect(tasksFromLog(log)).toEqual([
      { package: CORE, task: 'build', cached: true },
      { package: API, task: 'lint:spec', cached: false },
      { package: OTHER, task: 'docs', cached: true },
      { package: OTHER, task: 'build', cached: false },
      { package: '//', task: 'site', cached: false },
    ]);
  });

  it('gives the same verdict as a summary would', () => {
    expect(rebuiltPackages(tasksFromLog(log))).toEqual([API, OTHER]);
  });
});
