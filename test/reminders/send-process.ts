/**
 * One replica as its own process, for the kill -9 tests: the real Slack messenger, runner and
 * Redis store with short timings, running a job again and again (as the retry tick would) until
 * it is done, then printing the report as JSON. Reads SLACK_API_URL, REDIS_PREFIX, JOB
 * ('announce' or 'remind'), PERIOD and RESIDENTS from the environment.
 */
import { createSlackMessenger } from '../../adapters/slack/messenger.js';
import { silentLogger } from '../../src/logger.js';
import { createScheduler } from '../../src/reminders/scheduler.js';
import { createRedisClient } from '../../src/store/redis-client.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { decemberResidents, scheduleOf, shippedKnowledge, testRuntime } from './fixtures.js';

const env = process.env;
const store = createRedisStore(createRedisClient('redis://127.0.0.1:6379', silentLogger), env.REDIS_PREFIX!);
const runtime = testRuntime({
  store,
  knowledge: await shippedKnowledge(),
  schedule: scheduleOf(decemberResidents(Number(env.RESIDENTS))),
  env: {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_API_URL: env.SLACK_API_URL!,
    COORDINATOR_SLACK_CHANNEL: 'C-COORD',
  },
  now: () => new Date(),
});
const messenger = createSlackMessenger(runtime, { timeoutMs: 300, spacingMs: 0 });
const scheduler = createScheduler(runtime, [messenger], {
  clock: () => new Date(),
  runner: { inFlightGraceMs: 400, lockTtlMs: 1_000 },
});
const run = () =>
  env.JOB === 'announce' ? scheduler.runAnnouncement(env.PERIOD!) : scheduler.runReminders(env.PERIOD!);
for (let i = 0; i < 300; i++) {
  const report = await run();
  if (report.status === 'done' || report.status === 'already-done') {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await store.close();
