import { Counter, collectDefaultMetrics, Registry } from 'prom-client';
import type { Metrics } from './runtime.js';

/** The Metrics port backed by a prom-client registry, plus the registry for GET /metrics. */
export interface PromMetrics extends Metrics {
  readonly registry: Registry;
}

// A registry per runtime (not the global one) so tests and benchmarks can build several.
export function createMetrics(options: { defaultMetrics?: boolean } = {}): PromMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'rotabot_' });

  const answers = new Counter({
    name: 'rotabot_answers_total',
    help: 'Answers given, by intent',
    labelNames: ['intent'] as const,
    registers: [registry],
  });
  const unanswered = new Counter({
    name: 'rotabot_unanswered_total',
    help: 'Questions the bot could not answer, by intent',
    labelNames: ['intent'] as const,
    registers: [registry],
  });
  const platformErrors = new Counter({
    name: 'rotabot_platform_errors_total',
    help: 'Errors from Slack or Teams, by platform and error code',
    labelNames: ['platform', 'code'] as const,
    registers: [registry],
  });
  const delivered = new Counter({
    name: 'rotabot_delivered_total',
    help: 'Announcements and reminders delivered, by kind and platform',
    labelNames: ['kind', 'platform'] as const,
    registers: [registry],
  });

  const votes = new Counter({
    name: 'rotabot_feedback_total',
    help: 'Helpful / Not helpful votes on answers, by vote and intent',
    labelNames: ['vote', 'intent'] as const,
    registers: [registry],
  });
  const factVotes = new Counter({
    name: 'rotabot_feedback_facts_total',
    help: 'Helpful / Not helpful votes, by vote and the knowledge-base fact the answer was built from',
    labelNames: ['vote', 'fact'] as const,
    registers: [registry],
  });
  const handoffs = new Counter({
    name: 'rotabot_handoffs_total',
    help: 'Questions handed to coordinators and replies relayed, by event',
    labelNames: ['event'] as const,
    registers: [registry],
  });

  return {
    registry,
    feedback(vote, intent, factIds) {
      votes.inc({ vote, intent });
      for (const fact of factIds) factVotes.inc({ vote, fact });
    },
    handoff(event) {
      handoffs.inc({ event });
    },
    answered(intent, isUnanswered) {
      answers.inc({ intent });
      if (isUnanswered) unanswered.inc({ intent });
    },
    platformError(platform, code) {
      platformErrors.inc({ platform, code });
    },
    delivered(kind, platform) {
      delivered.inc({ kind, platform });
    },
  };
}

/** The registry behind a Metrics port, when it has one (noMetrics and test doubles do not). */
export function registryOf(metrics: Metrics): Registry | undefined {
  const candidate = (metrics as Partial<PromMetrics>).registry;
  return candidate instanceof Registry ? candidate : undefined;
}
