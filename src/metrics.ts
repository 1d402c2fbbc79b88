import type { Counter, Registry } from 'prom-client';
import type { Metrics } from './runtime.js';

/**
 * The Metrics port backed by a prom-client registry, for GET /metrics. prom-client (and the
 * OpenTelemetry API it loads) is a tenth of the server's start-up, so it is loaded on the first
 * scrape, not at start: counts made before then are kept here, summed by label, and handed over.
 * A deployment that never scrapes never loads it. The process metrics (CPU, memory, event-loop
 * lag) start with that first scrape; CPU time and memory are read from the process, so they are
 * whole from the start.
 */
export interface PromMetrics extends Metrics {
  /** The registry, loaded (once) on first use. */
  registry(): Promise<Registry>;
}

const COUNTERS = {
  answers: { name: 'rotabot_answers_total', help: 'Answers given, by intent', labelNames: ['intent'] },
  unanswered: {
    name: 'rotabot_unanswered_total',
    help: 'Questions the bot could not answer, by intent',
    labelNames: ['intent'],
  },
  platformErrors: {
    name: 'rotabot_platform_errors_total',
    help: 'Errors from Slack or Teams, by platform and error code',
    labelNames: ['platform', 'code'],
  },
  delivered: {
    name: 'rotabot_delivered_total',
    help: 'Announcements and reminders delivered, by kind and platform',
    labelNames: ['kind', 'platform'],
  },
  votes: {
    name: 'rotabot_feedback_total',
    help: 'Helpful / Not helpful votes on answers, by vote and intent',
    labelNames: ['vote', 'intent'],
  },
  factVotes: {
    name: 'rotabot_feedback_facts_total',
    help: 'Helpful / Not helpful votes, by vote and the knowledge-base fact the answer was built from',
    labelNames: ['vote', 'fact'],
  },
  handoffs: {
    name: 'rotabot_handoffs_total',
    help: 'Questions handed to coordinators and replies relayed, by event',
    labelNames: ['event'],
  },
} as const;

type CounterName = keyof typeof COUNTERS;
type Labels = Record<string, string>;

// A registry per runtime (not the global one) so tests and benchmarks can build several.
export function createMetrics(options: { defaultMetrics?: boolean } = {}): PromMetrics {
  /** Counts before the registry is loaded: per counter, per label values (bounded by them). */
  const early = new Map<CounterName, Map<string, { labels: Labels; n: number }>>();
  let live: Record<CounterName, Counter> | undefined;
  let loading: Promise<Registry> | undefined;

  const inc = (name: CounterName, labels: Labels) => {
    if (live) {
      live[name].inc(labels);
      return;
    }
    let byLabels = early.get(name);
    if (!byLabels) {
      byLabels = new Map();
      early.set(name, byLabels);
    }
    const key = JSON.stringify(labels);
    const count = byLabels.get(key);
    if (count) count.n += 1;
    else byLabels.set(key, { labels, n: 1 });
  };

  const load = async (): Promise<Registry> => {
    const prom = await import('prom-client');
    const registry = new prom.Registry();
    if (options.defaultMetrics !== false)
      prom.collectDefaultMetrics({ register: registry, prefix: 'rotabot_' });
    const counters = Object.fromEntries(
      Object.entries(COUNTERS).map(([key, c]) => [
        key,
        new prom.Counter({ name: c.name, help: c.help, labelNames: c.labelNames, registers: [registry] }),
      ]),
    ) as Record<CounterName, Counter>;
    // Handed over in one synchronous step: no count can fall between the two.
    for (const [name, byLabels] of early)
      for (const { labels, n } of byLabels.values()) counters[name].inc(labels, n);
    early.clear();
    live = counters;
    return registry;
  };

  return {
    registry() {
      loading ??= load();
      return loading;
    },
    feedback(vote, intent, factIds) {
      inc('votes', { vote, intent });
      for (const fact of factIds) inc('factVotes', { vote, fact });
    },
    handoff(event) {
      inc('handoffs', { event });
    },
    answered(intent, isUnanswered) {
      inc('answers', { intent });
      if (isUnanswered) inc('unanswered', { intent });
    },
    platformError(platform, code) {
      inc('platformErrors', { platform, code });
    },
    delivered(kind, platform) {
      inc('delivered', { kind, platform });
    },
  };
}

/** The registry behind a Metrics port, when it has one (noMetrics and test doubles do not). */
export function registryOf(metrics: Metrics): Promise<Registry> | undefined {
  const candidate = (metrics as Partial<PromMetrics>).registry;
  return typeof candidate === 'function' ? candidate.call(metrics) : undefined;
}
