// What turbo did in a build: which tasks ran and which came from the cache,
// read from its run summaries (TURBO_RUN_SUMMARY=true writes one JSON file per
// `turbo run` into .turbo/runs/), or from its log lines where there is no summary.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** The root package's name in task ids (`//#site`). */
export const ROOT_PACKAGE = '//';

/** Summary files in `<repo>/.turbo/runs`, by name (run ids sort by time). */
export function listSummaries(repoDir) {
  const dir = join(repoDir, '.turbo', 'runs');
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
}

/** The tasks of the summaries named `names` (see listSummaries): { package, task, cached }. */
export function readSummaries(repoDir, names) {
  return names.flatMap((name) =>
    tasksFromSummary(JSON.parse(readFileSync(join(repoDir, '.turbo', 'runs', name), 'utf8'))),
  );
}

/** One run summary's tasks: { package, task, cached }. */
export function tasksFromSummary(summary) {
  return (summary.tasks ?? []).map((task) => {
    const [pkg, name] = splitTaskId(task.taskId);
    return {
      package: task.package ?? pkg,
      task: task.task ?? name,
      cached: task.cache?.status === 'HIT',
    };
  });
}

function splitTaskId(taskId) {
  const at = taskId.lastIndexOf('#');
  return at === -1 ? ['', taskId] : [taskId.slice(0, at), taskId.slice(at + 1)];
}

/**
 * Tasks from turbo's log (`<package>:<task>: cache hit, replaying logs <hash>`,
 * `cache miss, executing <hash>`, `cache bypass, force executing <hash>`): { package, task, cached }.
 * The root package prints as `//`.
 */
export function tasksFromLog(text) {
  const tasks = new Map();
  const line = /^(\S+?):([\w:-]+): cache (hit|miss|bypass)\b/;
  for (const raw of text.split('\n')) {
    // Colours and the `•` prefixes turbo may add are not part of the task id.
    const clean = stripVTControlCharacters(raw).trim();
    const match = line.exec(clean);
    if (!match) continue;
    const [, pkg, task, status] = match;
    tasks.set(`${pkg}#${task}`, { package: pkg, task, cached: status === 'hit' });
  }
  return [...tasks.values()];
}

/** Tasks that ran rather than being restored from the cache. */
export function uncachedTasks(tasks) {
  return tasks.filter((task) => !task.cached).map((task) => `${task.package}#${task.task}`);
}

/**
 * The workspace packages with at least one task that ran (not cached), sorted;
 * the root package (the docs site, which reads every spec) is left out.
 */
export function rebuiltPackages(tasks) {
  const packages = new Set(
    tasks.filter((task) => !task.cached && task.package !== ROOT_PACKAGE).map((t) => t.package),
  );
  return [...packages].sort();
}
