import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { listHandoffs } from '../../../src/handoff/records.js';
import { collectReport, faqEntries, reportSections, reportText } from '../../../src/handoff/report.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { silentLogger } from '../../../src/silent-logger.js';
import { storeKeyPrefix } from '../../../src/store/keys.js';
import { createRedisClient } from '../../../src/store/redis-client.js';
import { createRedisStore } from '../../../src/store/redis-store.js';
import { createUnansweredLog, type UnansweredEntry } from '../../../src/unanswered.js';
import { type CliCommand, UsageError } from '../command.js';

function line(entry: UnansweredEntry): string {
  const when = entry.at.slice(0, 16).replace('T', ' ');
  const text = entry.text === undefined ? '' : `  ${JSON.stringify(entry.text)}`;
  return `${when} UTC  ${entry.platform.padEnd(5)}  ${entry.intent}${text}`;
}

async function faqIds(dir: string): Promise<Set<string>> {
  try {
    return new Set((await loadKnowledge(dir)).faq.map((f) => f.id));
  } catch {
    // A knowledge base that does not load yet: `check` says why; the entries are still useful.
    return new Set();
  }
}

/**
 * `unanswered [--limit N] [--json] [--faq]`: recent questions the bot could not answer, newest
 * first, then the report (themes, hand-offs and their state, most Not helpful answers).
 * `--faq` prints a ready-to-paste faq.yaml entry for each hand-off a coordinator answered.
 */
export const run: CliCommand = async (args, io) => {
  let values: { limit?: string; json?: boolean; faq?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { limit: { type: 'string' }, json: { type: 'boolean' }, faq: { type: 'boolean' } },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit <= 0) throw new UsageError('--limit expects a positive whole number');

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (!config.REDIS_URL) {
    io.stderr.write(
      'No REDIS_URL is set: without Redis each server keeps its state in its own memory, so there is ' +
        'nothing shared to list. Set REDIS_URL to the Redis the server uses.\n',
    );
    return 1;
  }

  const client = createRedisClient(config.REDIS_URL, silentLogger);
  const store = createRedisStore(client, storeKeyPrefix(config));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('cannot reach the Redis in REDIS_URL')), 5_000);
      client.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (values.faq) {
      const entries = await faqEntries(await listHandoffs(store), await faqIds(config.KNOWLEDGE_DIR));
      io.stdout.write(
        entries.length
          ? `# Paste under "faq:" in ${config.KNOWLEDGE_DIR}/faq.yaml, add other phrasings as aliases, then run check.\n${entries.join('\n')}\n`
          : 'No hand-off has a coordinator reply yet.\n',
      );
      return 0;
    }
    const entries = await createUnansweredLog(store, config).list(limit);
    if (values.json) {
      for (const entry of entries) io.stdout.write(`${JSON.stringify(entry)}\n`);
    } else if (entries.length === 0) {
      io.stdout.write(`No unanswered questions in the last ${config.UNANSWERED_KEEP_DAYS} days.\n`);
    } else {
      io.stdout.write(`${entries.map(line).join('\n')}\n`);
      if (!config.UNANSWERED_KEEP_TEXT) {
        io.stdout.write(
          '(question text is not kept; set UNANSWERED_KEEP_TEXT=on on the server to keep it)\n',
        );
      }
    }
    if (!values.json) {
      const report = await collectReport(store, await createUnansweredLog(store, config).list(10_000));
      const sections = reportSections(report, {
        unanswered: config.UNANSWERED_KEEP_DAYS,
        handoff: config.HANDOFF_KEEP_DAYS,
      });
      io.stdout.write(`\n${reportText(sections)}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
};
