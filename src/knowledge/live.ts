import { type FSWatcher, watch as fsWatch } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { InvalidFileError, logProblems, type Problem } from '../problem.js';
import type { LiveSource } from '../runtime.js';
import { validateKnowledgeCached as validateKnowledge } from './cache.js';
import type { Knowledge } from './schema.js';

export interface KnowledgeSourceOptions {
  logger: Logger;
  /** Re-read the folder when it changes (default true; one-shot commands pass false). */
  watch?: boolean;
  /** Editors write a file in several steps; wait this long after the last change (default 250). */
  debounceMs?: number;
  /** Checking interval when the folder cannot be watched, or when `poll` is set (default 2000). */
  pollMs?: number;
  /** Poll instead of watching (network file systems where fs.watch sees nothing). */
  poll?: boolean;
  /** Called with each newly loaded knowledge base after a successful reload. */
  onReload?: (knowledge: Knowledge) => void;
}

/**
 * The knowledge base, kept current while running. The first load must succeed (it throws
 * InvalidFileError with every located problem); afterwards a broken edit is logged and the
 * last good knowledge stays in use until the files are fixed.
 */
export async function createKnowledgeSource(
  dir: string,
  options: KnowledgeSourceOptions,
): Promise<LiveSource<Knowledge>> {
  const { logger } = options;
  const first = await validateKnowledge(dir);
  if (!first.knowledge) throw new InvalidFileError(first.problems.filter((p) => p.severity === 'error'));
  logWarnings(logger, first.problems);
  let current = first.knowledge;

  if (options.watch === false) {
    return { current: () => current, close: async () => {} };
  }

  const debounceMs = options.debounceMs ?? 250;
  const pollMs = options.pollMs ?? 2000;
  let closed = false;
  let debounce: NodeJS.Timeout | undefined;
  let poller: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let lastStamp = await folderStamp(dir);

  const reload = async (): Promise<void> => {
    const { knowledge, problems } = await validateKnowledge(dir);
    if (closed) return;
    if (!knowledge) {
      logger.error({ dir }, 'knowledge files changed but cannot be used; keeping the last good knowledge');
      logProblems(
        (fields, message) => logger.error(fields, message),
        problems.filter((x) => x.severity === 'error'),
      );
      return;
    }
    logWarnings(logger, problems);
    current = knowledge;
    logger.info(
      { dir, procedures: knowledge.procedures.length, rotations: knowledge.rotations.length },
      'knowledge reloaded',
    );
    try {
      options.onReload?.(knowledge);
    } catch (err) {
      logger.error({ err }, 'knowledge reload listener failed');
    }
  };

  // One reload at a time; a change during a reload triggers one more afterwards.
  const trigger = (): void => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = reload()
      .catch((err) => logger.error({ err }, 'knowledge reload failed'))
      .finally(() => {
        running = undefined;
        if (again && !closed) {
          again = false;
          trigger();
        }
      });
  };
  const changed = (): void => {
    if (closed) return;
    clearTimeout(debounce);
    debounce = setTimeout(trigger, debounceMs);
    debounce.unref();
  };

  const startPolling = (): void => {
    if (poller || closed) return;
    poller = setInterval(() => {
      void folderStamp(dir).then((stamp) => {
        if (stamp !== lastStamp) {
          lastStamp = stamp;
          changed();
        }
      });
    }, pollMs);
    poller.unref();
  };

  if (options.poll) startPolling();
  else {
    try {
      watcher = fsWatch(dir, { persistent: false }, changed);
      watcher.on('error', (err) => {
        logger.warn({ err, dir }, 'cannot watch the knowledge folder any more; polling it instead');
        watcher?.close();
        watcher = undefined;
        startPolling();
      });
    } catch (err) {
      logger.warn({ err, dir }, 'cannot watch the knowledge folder; polling it instead');
      startPolling();
    }
  }

  return {
    current: () => current,
    async close() {
      closed = true;
      clearTimeout(debounce);
      if (poller) clearInterval(poller);
      watcher?.close();
      await running;
    },
  };
}

function logWarnings(logger: Logger, problems: readonly Problem[]): void {
  logProblems(
    (fields, message) => logger.warn(fields, message),
    problems.filter((p) => p.severity === 'warning'),
  );
}

/** Names, sizes and modification times of the folder's files: enough to notice an edit. */
async function folderStamp(dir: string): Promise<string> {
  try {
    const names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
    const parts = await Promise.all(
      names.map(async (n) => {
        const s = await stat(join(dir, n)).catch(() => null);
        return s ? `${n}:${s.size}:${s.mtimeMs}` : `${n}:gone`;
      }),
    );
    return parts.join('|');
  } catch {
    return 'unreadable';
  }
}
