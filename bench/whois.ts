import { monitorEventLoopDelay } from 'node:perf_hooks';
import { answerQuestion } from '../src/core/answer.js';
import { indexNames } from '../src/core/people.js';
import { englishWordsText } from '../src/core/text/english.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLabelResolver } from '../src/knowledge/rotation-names.js';
import type { Knowledge } from '../src/knowledge/schema.js';
import { warmMonths } from '../src/schedule/index.js';
import { parseSchedule } from '../src/schedule/parse.js';
import type { Schedule } from '../src/schedule/types.js';
import type { Report } from './run.js';
import { generateScheduleCsv, monthsFrom } from './schedule-fixture.js';
import { mb, ms, summarize } from './stats.js';

/**
 * Who-is answers on real rotations at 5 / 1,000 / 10,000 / 50,000 residents, and first-seen
 * misspellings (each question new to the bot: no answer cache can hide the cost).
 */

const NOW = new Date('2026-03-10T15:00:00Z');
const MONTHS = monthsFrom('2025-07', 24);
/** Misspelt questions a warm-up asks before misspellings are timed: enough for the optimizing compiler to settle. */
const WARM_TYPOS = 10_000;

function time(run: () => unknown, n: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * Misspellings no question of this process has held: a letter dropped, doubled or swapped with
 * the next, at every place of every word given. The bot keeps the corrections it has worked out,
 * so a misspelling asked twice is not first-seen the second time: each one is handed out once.
 */
class FreshTypos {
  private readonly used = new Set<string>();

  /** Up to `count` new misspellings of `words`, taking the words in turn. */
  take(words: readonly string[], count: number): string[] {
    const variants = words.map((w) => this.variants(w));
    const out: string[] = [];
    for (let round = 0; out.length < count && variants.some((v) => round < v.length); round++) {
      for (const v of variants) {
        const typo = v[round];
        if (typo === undefined || this.used.has(typo)) continue;
        this.used.add(typo);
        out.push(typo);
        if (out.length === count) break;
      }
    }
    return out;
  }

  private variants(word: string): string[] {
    const out = new Set<string>();
    // Never the first letter: people rarely mistype it, and names are matched by it.
    for (let at = 1; at < word.length; at++) {
      out.add(word.slice(0, at) + word.slice(at + 1));
      out.add(word.slice(0, at) + word[at] + word.slice(at));
      if (at + 1 < word.length && word[at] !== word[at + 1])
        out.add(word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2));
    }
    out.delete(word);
    return [...out];
  }
}

/** The roster's surnames (a name's last word), lower-case, each once, long enough to carry a typo. */
function surnames(schedule: Schedule): string[] {
  const all = schedule.residents.map((r) => r.name.split(' ').at(-1)!.toLowerCase());
  return [...new Set(all)].filter((n) => n.length >= 5);
}

/** The knowledge base's own long words (7+ letters), from its procedures' names and aliases. */
function longWords(knowledge: Knowledge): string[] {
  const words = new Set<string>();
  for (const p of knowledge.procedures)
    for (const phrase of [p.name, ...(p.aliases ?? [])])
      for (const w of phrase.toLowerCase().split(/[^a-z]+/)) if (w.length >= 7) words.add(w);
  return [...words].sort();
}

export async function bench(report: Report): Promise<void> {
  const knowledge = await loadKnowledge('knowledge');
  const resolveLabel = createLabelResolver(knowledge.rotations);
  const questions = [
    'who is at the VA in March?',
    'who is on ICU this month?',
    'who are the R4s on IR in April?',
  ];
  const base = new Map<string, number>();
  const english = englishWordsText()
    .split('\n')
    .filter((w) => w.length >= 8 && /^[a-z]+$/.test(w));
  let nextWord = 0;
  /**
   * `count` misspelt questions (new misspellings of ordinary words), with the who-is questions
   * and a question about one of the roster's residents among them.
   */
  const settle = (ask: (text: string) => unknown, count: number, schedule: Schedule, misspeltNames = 0) => {
    const person = `what is ${schedule.residents[0]?.name ?? 'Ada'} on in March?`;
    // Misspelt surnames of this roster, when asked for (the warm-up's own roster, never a timed one).
    for (const typo of fresh.take(surnames(schedule), misspeltNames)) ask(`what is ${typo} on in March?`);
    // Words not used before, one misspelling of each (the list is long enough for the whole run).
    const ordinary = fresh.take(english.slice(nextWord, nextWord + count), count);
    nextWord += count;
    for (let i = 0; i < ordinary.length; i++) {
      if (i % 20 === 0) for (const q of [...questions, person]) ask(q);
      ask(i % 5 === 4 ? `what is ${ordinary[i]} on?` : `does IR do ${ordinary[i]}?`);
    }
  };
  // Half the knowledge base's long words warm the code up, the other half are timed: no timed
  // misspelling is of a word the warm-up corrected.
  const fresh = new FreshTypos();
  const words = longWords(knowledge);
  const warmWords = words.filter((_, i) => i % 2 === 0);
  const timedWords = words.filter((_, i) => i % 2 === 1);
  // The code is compiled before anything is timed (a 200-resident roster, other words): the
  // 5-resident figures are the baseline of every ratio, so they must not carry the warm-up.
  {
    const { schedule } = parseSchedule(generateScheduleCsv(200, MONTHS, 7, { manySurnames: true }), {
      source: 'warm.csv',
      resolveLabel,
    });
    if (!schedule) throw new Error('the generated schedule did not load');
    const ask = (text: string) =>
      answerQuestion({ text, knowledge, schedule, conversation: 'private', now: NOW });
    const warm = fresh.take(warmWords, 400);
    // A process's first misspellings, while the code is still being compiled and optimized.
    const first = summarize(time(() => ask(`does IR do ${warm.pop()}?`), warm.length));
    report(
      `first-seen misspelling, a process's first 400 (code still compiling): p50 ${ms(first.p50)} p99 ${ms(first.p99)}`,
    );
    // Then as a server that has answered for a while: about 10,000 questions, each misspelling
    // new (of ordinary English words, so none is a word timed below), until the optimizing
    // compiler has nothing left to do. Before that, its work shows in the p99 as pauses of 2–5 ms.
    settle((text) => ask(text), WARM_TYPOS, schedule, WARM_TYPOS / 5);
  }
  for (const residents of [5, 1_000, 10_000, 50_000]) {
    const { schedule } = parseSchedule(generateScheduleCsv(residents, MONTHS, 42, { manySurnames: true }), {
      source: 'bench.csv',
      resolveLabel,
    });
    if (!schedule) throw new Error('the generated schedule did not load');
    const ask = (text: string, s: Schedule) =>
      answerQuestion({ text, knowledge, schedule: s, conversation: 'private', now: NOW }).answer;
    // The first question about a month: its groups built then (a one-shot command), or by the
    // server's warm-up after the load; either way its lines are written on that first question.
    const firstAbout = (months: string[]) =>
      summarize(months.map((m) => time(() => ask(`who is at the VA in ${m}?`, schedule), 1)[0]!));
    const cold = firstAbout([
      'August 2025',
      'September 2025',
      'October 2025',
      'November 2025',
      'December 2025',
    ]);
    // As the server warms a schedule it loads: every month's groups, then the roster's name index.
    await warmMonths(schedule);
    const indexing = performance.now();
    await indexNames(schedule);
    const indexedIn = performance.now() - indexing;
    const warmed = firstAbout(['May 2026', 'June 2026', 'July 2026', 'August 2026', 'September 2026']);
    report(
      `first question about a month ${residents.toLocaleString('en-US').padStart(6)} residents: ` +
        `p50 ${ms(cold.p50)} (max ${ms(cold.max)}) built on the question; ` +
        `p50 ${ms(warmed.p50)} (max ${ms(warmed.max)}) after the server's warm-up; its name index built in ${ms(indexedIn)}`,
    );
    // Each month's index is built on its first question; then a pause, so the collector is done
    // with the parse's garbage before anything is timed.
    for (let i = 0; i < 3; i++) for (const q of questions) ask(q, schedule);
    await new Promise((r) => setTimeout(r, residents >= 10_000 ? 500 : 50));
    for (const q of questions) {
      // The same number of runs at every size: an answer costs what its groups cost, not its roster.
      const runs = 400;
      const { p50 } = summarize(time(() => ask(q, schedule), runs));
      const items = ask(q, schedule).items?.length ?? 0;
      if (residents === 5) base.set(q, p50);
      // What each resident listed costs beyond the question itself (the 5-resident time): flat
      // when the answer, not the roster, sets the cost.
      const each = items ? ` ${(((p50 - base.get(q)!) / items) * 1000).toFixed(2)} µs per listed;` : '';
      report(
        `${q.padEnd(34)} ${residents.toLocaleString('en-US').padStart(6)} residents: p50 ${ms(p50).padStart(9)}  ` +
          `(${items.toLocaleString('en-US')} listed;${each} ×${(p50 / base.get(q)!).toFixed(1)} the 5-resident time)`,
      );
    }
    // First-seen misspellings, on the knowledge base and on a person's name, once this roster
    // has been asked about for a while (its own indexes built, the code optimized for it).
    settle((text) => ask(text, schedule), WARM_TYPOS / 5, schedule);
    // Up to 200 of the roster's surnames, each misspelt at a place no earlier size used.
    const names = surnames(schedule).slice(0, 200);
    const procedureTypos = fresh.take(timedWords, 400);
    const nameTypos = fresh.take(names, 200);
    const nameCount = nameTypos.length;
    // Taken in turn, as a server's questions come: a misspelt procedure, the same question spelt
    // right (what a misspelling costs beyond it), now and then a misspelt name. A long run of one
    // kind would time the optimizing compiler's second thoughts when the kind changes.
    const timed = { seen: [] as number[], right: [] as number[], named: [] as number[] };
    // As before the who-is figures: the collector done with the warm-up's garbage first.
    await new Promise((r) => setTimeout(r, residents >= 10_000 ? 500 : 50));
    // The first questions after a pause cost a few hundred µs whatever they ask (the processor's
    // caches are cold): one of each kind, spelt right, timed on their own, so that is not read as
    // a misspelling's cost.
    const [woken = 0] = time(() => ask(`does IR do ${timedWords[0]}?`, schedule), 1);
    ask(`what is ${schedule.residents[1]?.name ?? 'Ada'} on in March?`, schedule);
    for (let i = 0; i < 400; i++) {
      const typo = procedureTypos[i];
      if (typo !== undefined) timed.seen.push(...time(() => ask(`does IR do ${typo}?`, schedule), 1));
      const word = timedWords[i % timedWords.length];
      timed.right.push(...time(() => ask(`does IR do ${word}?`, schedule), 1));
      const name = i % 2 === 0 ? nameTypos[i / 2] : undefined;
      if (name !== undefined)
        timed.named.push(...time(() => ask(`what is ${name} on in March?`, schedule), 1));
    }
    const seen = summarize(timed.seen);
    const right = summarize(timed.right);
    const named = summarize(timed.named);
    report(
      `first-seen misspelling ${residents.toLocaleString('en-US').padStart(6)} residents: procedure p50 ${ms(seen.p50)} p99 ${ms(seen.p99)} ` +
        `(spelt right: p50 ${ms(right.p50)} p99 ${ms(right.p99)}); ` +
        `name p50 ${ms(named.p50)} p99 ${ms(named.p99)} (whole answer; ${nameCount} names); ` +
        `the first question after a pause ${ms(woken)}`,
    );
  }
  // What the warm-up's name index costs when no two residents share a surname.
  for (const residents of [10_000, 50_000]) {
    const { schedule } = parseSchedule(
      generateScheduleCsv(residents, MONTHS.slice(0, 3), 42, { distinctSurnames: true }),
      { source: 'distinct.csv', resolveLabel },
    );
    if (!schedule) throw new Error('the generated schedule did not load');
    const heap = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    // How long a question arriving meanwhile could wait: the event loop's longest delay.
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const started = performance.now();
    await indexNames(schedule);
    const took = performance.now() - started;
    delay.disable();
    const grown = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heap;
    report(
      `name index at load, ${residents.toLocaleString('en-US')} residents with distinct surnames: built in ${ms(took)} ` +
        `in steps (the event loop held at most ${ms(delay.max / 1e6)}), about ${mb(grown)} more memory (before a collection)`,
    );
  }
}
