import { describe, expect, it } from 'vitest';
import { buildHomeSummary } from '../../../src/core/home.js';
import { buildWelcome } from '../../../src/core/welcome.js';
import { normalizeAlias } from '../../../src/knowledge/cross-check.js';
import { rolesOf } from '../../../src/knowledge/roles.js';
import { PROGRAMS } from './load.js';

// What the bot offers to ask next is itself answered, in every program folder: a suggestion
// naming something the program does not have would lead a resident to "I don't know".
describe.each(PROGRAMS.map((p) => [p.folder, p] as const))('%s: every suggestion is answered', (_, p) => {
  const { knowledge: k, schedule, ask, now } = p;
  const short = rolesOf(k).short;
  const resident = schedule.residents[0]!;

  /** Questions of every kind, named from the program's own files. */
  const questions = [
    'hi',
    'help',
    'thanks',
    'what is the parking situation',
    'what am I on?',
    'what am I on next month?',
    'what rotations are there?',
    `what does ${short} do?`,
    `does ${short} treat children?`,
    'how many procedures a month?',
    'how long is the residency?',
    ...k.procedures.slice(0, 3).map((x) => `does ${short} do ${x.name}?`),
    ...k.categories.map((c) => `which ${c.name} procedures does ${short} do?`),
    ...k.exclusions.map((x) => `does ${short} do ${x.name}?`),
    ...k.exclusions.map((x) => `who does ${x.name}?`),
    ...k.program.sites.map((s) => `where is ${s.name}?`),
    ...k.groups.map((g) => `what is the ${g.name} rotation?`),
    ...k.training.years.map((y) => `what is the ${y.level} year like?`),
  ];

  it('has suggestions worded for this program, never another program’s names', () => {
    const suggested = questions.flatMap((q) => ask(q, { as: resident.email }).suggestions ?? []);
    expect(suggested.length).toBeGreaterThan(10);
    // Another program's short name, sites and groups, unless this program has the same name too.
    const own = new Set(
      [
        k.program.name,
        ...k.program.aliases,
        ...k.program.sites.flatMap((x) => [x.name, x.short_name ?? '', ...x.aliases]),
        ...k.groups.flatMap((g) => [g.name, g.short_name ?? '', ...g.aliases]),
        ...k.divisions.flatMap((d) => [d.name, ...d.aliases]),
      ].map(normalizeAlias),
    );
    const foreign = PROGRAMS.filter((o) => o !== p)
      .flatMap((o) => [
        o.knowledge.program.name,
        rolesOf(o.knowledge).short,
        ...o.knowledge.program.sites.flatMap((x) => [x.name, x.short_name ?? '']),
        ...o.knowledge.groups.map((g) => g.short_name ?? g.name),
      ])
      .map(normalizeAlias)
      .filter((term) => term && !own.has(term));
    expect(foreign.length).toBeGreaterThan(2);
    for (const s of suggested) {
      const words = ` ${normalizeAlias(s.question)} `;
      for (const term of foreign) expect(words, s.question).not.toContain(` ${term} `);
    }
  });

  it('answers each suggested question, for a resident on the schedule and for an unknown asker', () => {
    const home = buildHomeSummary({ knowledge: k, schedule, email: resident.email, now, leadWeekdays: 1 });
    const suggested = new Set([
      ...questions.flatMap((q) => (ask(q, { as: resident.email }).suggestions ?? []).map((s) => s.question)),
      ...home.quickQuestions.map((s) => s.question),
      ...buildWelcome(k, 'personal').suggestions!.map((s) => s.question),
    ]);
    const wrong = [...suggested].flatMap((text) =>
      [resident.email, undefined].flatMap((as) => {
        const a = ask(text, { as });
        const bad = a.intent === 'fallback' || (as !== undefined && a.unanswered);
        return bad ? [`${text} (${as ?? 'unknown asker'}) → ${a.intent}: ${a.text.slice(0, 80)}`] : [];
      }),
    );
    expect(wrong).toEqual([]);
  });
});
