import { groupShortName, rolesOf, sameAsText } from '../../knowledge/roles.js';
import type { Knowledge, TrainingYear } from '../../knowledge/schema.js';
import { compareText } from '../../schedule/names.js';
import { says } from '../cues.js';
import type { Understanding } from '../understand.js';
import {
  type AnswerContext,
  answer,
  capitalize,
  decide,
  type Handler,
  joinAnd,
  plural,
  undecided,
} from './context.js';
import { examples } from './examples.js';

/** "R1–R3" for consecutive years, "R1, R3" otherwise. */
function levels(years: readonly TrainingYear[]): string {
  if (years.length > 2) return `${years[0]!.level}–${years[years.length - 1]!.level}`;
  return joinAnd(years.map((y) => y.level));
}

function monthsOf(year: TrainingYear, group: string): number {
  return year.months.find((m) => m.group === group)?.months ?? 0;
}

function breakdown(ctx: AnswerContext, year: TrainingYear): string[] {
  return year.months.map(
    (m) => `${plural(m.months, 'month')} of ${ctx.vocabulary.groups.get(m.group)?.name ?? m.group}`,
  );
}

/** "an IR month", "a DR month". */
function withArticle(name: string): string {
  const vowel = /^[A-Z]{2}/.test(name) ? /^[AEFHILMNORSX]/.test(name) : /^[aeiou]/i.test(name);
  return `${vowel ? 'an' : 'a'} ${name}`;
}

function yearText(year: TrainingYear): string {
  const options = year.options.length ? ` ${year.options.join(' ')}` : '';
  return `${year.summary}${options}`;
}

/** The program's own group: "IR" in an IR program names the program too. */
function specialtyId(k: Knowledge): string | undefined {
  return rolesOf(k).specialty?.id;
}

/** The groups a question counts: the specialty names the program too, so it counts only when nothing else is named. */
function groupsAsked(u: Understanding, k: Knowledge): string[] {
  const others = u.refs.group.filter((g) => g !== specialtyId(k));
  return others.length ? others : u.refs.group;
}

/** "identical to DR residency" for years the same as another program's residency. */
function sameText(k: Knowledge, years: readonly TrainingYear[]): string {
  const targets = [...new Set(years.map((y) => y.same_as!))];
  return joinAnd(targets.map((g) => sameAsText(k, g)));
}

/** The groups an option swaps in for a month of `group` ("replace an IR month with an elective"). */
function swappedFor(k: Knowledge, group: string, years: readonly TrainingYear[]): TrainingYear[] {
  const elective = rolesOf(k).elective?.id;
  return years.filter(
    (y) =>
      y.options.length > 0 &&
      group !== elective &&
      y.optional_groups.includes(group) &&
      (elective === undefined || y.optional_groups.includes(elective)),
  );
}

/** The months of a group in the years asked; `holds` answers a yes/no reading ("does R4 have research?"). */
function countAnswer(
  u: Understanding,
  ctx: AnswerContext,
  group: string,
  years: TrainingYear[],
): { text: string; holds: boolean } {
  const name = ctx.vocabulary.groups.get(group)?.name ?? group;
  const scope = years.length ? years : ctx.knowledge.training.years;
  const withMonths = scope.filter((y) => monthsOf(y, group) > 0);
  const total = withMonths.reduce((n, y) => n + monthsOf(y, group), 0);
  const perYear = withMonths.map((y) => `${plural(monthsOf(y, group), 'month')} in ${y.level}`);
  const k = ctx.knowledge;
  const drYears = scope.filter((y) => y.same_as === group);
  const swapped = swappedFor(k, group, withMonths);
  const elective = rolesOf(k).elective;
  const groupName = ctx.vocabulary.groups.get(group);
  const optionNote = swapped.length
    ? ` (${total - swapped.length} if you take the option to replace ${groupName ? `${withArticle(groupShortName(groupName))} month` : 'a month'} with ${elective ? `an additional ${elective.name.toLowerCase()}` : 'another rotation'})`
    : '';
  if (!withMonths.length && !drYears.length) {
    const whole = scope.length === ctx.knowledge.training.years.length;
    const subject =
      scope.length === 1
        ? `the ${scope[0]!.level} year has`
        : whole
          ? 'the residency has'
          : `${levels(scope)} have`;
    // Where the group's months are, when the question looked in the wrong years.
    const elsewhere = ctx.knowledge.training.years.filter((y) => monthsOf(y, group) > 0);
    const where =
      elsewhere.length && !whole
        ? ` ${name} comes in ${joinAnd(elsewhere.map((y) => `${y.level} (${plural(monthsOf(y, group), 'month')})`))}.`
        : '';
    return { text: `${subject} no dedicated ${name} months.${where}`, holds: false };
  }
  const parts = [
    total
      ? `${plural(total, 'month')} of ${name}${optionNote}${perYear.length > 1 || scope.length > 1 ? `: ${joinAnd(perYear)}` : ''}.`
      : '',
  ];
  if (drYears.length)
    parts.push(`${levels(drYears)} ${drYears.length === 1 ? 'is' : 'are'} ${sameText(k, drYears)}.`);
  // "Does R4 have two research months?": a stated number is checked, not just the presence.
  const stated = u.numbers[0];
  const holds = stated !== undefined && total ? stated === total : true;
  return { text: parts.filter(Boolean).join(' '), holds };
}

/** The training years: each year's shape, counts of months by rotation group, where research falls, the option. */
export const training: Handler = (u, ctx) => {
  const t = ctx.knowledge.training;
  const named = u.refs.year
    .map((id) => ctx.vocabulary.years.get(id)!)
    .sort((a, b) => compareText(a.level, b.level));
  // "What comes after R3?": the year that follows.
  const following = u.asks.after && named.length === 1 ? t.years[t.years.indexOf(named[0]!) + 1] : undefined;
  const years = following ? [following] : named;
  // "What's PGY-2 like for IR residents?": a named year wins over the IR that names the residents.
  const k = ctx.knowledge;
  const specialty = specialtyId(k);
  const elective = rolesOf(k).elective?.id;
  const asked = groupsAsked(u, k);
  const groups =
    years.length && asked.every((g) => g === specialty) && !u.asks.howMany && !u.yesNo ? [] : asked;
  const facts = ['training', ...years.map((y) => y.id)];
  const suggestions = examples(k, 'last-year', 'specialty-months', 'research');

  const optionAsked = says(u, 'option_asked');
  const withOptions = (years.length ? years : t.years).filter((y) => y.options.length);
  // "How many IR months if I take the elective?": the count with the option applied.
  const swappable = u.refs.group.find((g) => swappedFor(k, g, withOptions).length);
  if (optionAsked && u.asks.howMany && swappable && withOptions.length) {
    const scope = years.length ? years : t.years;
    const total = scope.reduce((n, y) => n + monthsOf(y, swappable), 0);
    const less = swappedFor(k, swappable, scope).length;
    const name = ctx.vocabulary.groups.get(swappable)?.name ?? swappable;
    const text = `${plural(total - less, 'month')} of ${name} if you take the option (${total} without it). ${withOptions.map((y) => `In ${y.level}: ${y.options.join(' ')}`).join(' ')}`;
    return answer('training', text, [...facts, swappable, ...withOptions.map((y) => y.id)], { suggestions });
  }
  if (
    optionAsked &&
    withOptions.length &&
    ((elective !== undefined && groups.includes(elective)) || !u.asks.howMany)
  ) {
    const text = withOptions.map((y) => `In ${y.level}: ${y.options.join(' ')}`).join('\n');
    // "Is research optional?": Yes only for a group the options concern; otherwise the facts say
    // which option there is, and leave the verdict undecided rather than guess.
    const concerned = new Set(withOptions.flatMap((y) => y.optional_groups));
    const holds = groups.length === 0 || groups.every((g) => concerned.has(g));
    // "Can I do two electives?": an option says what it swaps, not how many times it can be taken.
    const more = u.yesNo && holds && u.numbers.some((n) => n > 1);
    const verdict = !holds || more ? undecided(u.yesNo) : decide(u.yesNo, true);
    const said = !holds
      ? `I can't say yes or no: the options listed do not mention it. ${text}`
      : more
        ? `I can't say yes or no: the options listed do not say that one can be taken more than once. ${text}`
        : text;
    return answer('training', said, [...facts, ...withOptions.map((y) => y.id)], { suggestions, ...verdict });
  }
  // "Are the first three years just DR?": years identical to DR residency are all DR.
  const same = groups[0];
  if (
    u.yesNo &&
    years.length > 1 &&
    groups.length === 1 &&
    same !== undefined &&
    rolesOf(k).sameAs.has(same) &&
    says(u, 'all_words')
  ) {
    const all = years.every((y) => y.same_as === same);
    const text = `${
      years
        .filter((y) => y.same_as === same)
        .map((y) => y.level)
        .join(', ') || 'none of them'
    } ${all ? 'are' : 'is'} ${sameAsText(k, same)}.`;
    return answer('training', text, [...facts, same], { suggestions, ...decide(true, all) });
  }
  // "Is R4 the same as DR residency?": only a year that says `same_as` that group is; its months
  // of that group do not make it identical.
  // "Is R2 different from DR residency?": the same question, its verdict the other way.
  const asksSame = says(u, 'same_asked');
  const asksDifferent = !asksSame && says(u, 'separate');
  if (
    u.yesNo &&
    (asksSame || asksDifferent) &&
    years.length &&
    same !== undefined &&
    rolesOf(k).sameAs.has(same)
  ) {
    const alike = years.filter((y) => y.same_as === same);
    const unlike = years.filter((y) => y.same_as !== same);
    const verb = (ys: readonly TrainingYear[]) => (ys.length === 1 ? 'is' : 'are');
    const text = [
      alike.length ? `${levels(alike)} ${verb(alike)} ${sameAsText(k, same)}.` : '',
      unlike.length
        ? `${levels(unlike)} ${verb(unlike)} not: ${unlike.map((y) => yearText(y)).join(' ')}`
        : '',
    ]
      .filter(Boolean)
      .join(' ');
    const holds = asksDifferent ? !alike.length : !unlike.length;
    return answer('training', text, [...facts, same], { suggestions, ...decide(true, holds) });
  }
  // "Is R4 mostly DR?": more than half of the year's months.
  if (u.yesNo && years.length === 1 && groups.length === 1 && says(u, 'most_words')) {
    const n = monthsOf(years[0]!, groups[0]!);
    const name = ctx.vocabulary.groups.get(groups[0]!)?.name ?? groups[0]!;
    const text = `${n} of the ${years[0]!.level} year's 12 months are ${name}. ${yearText(years[0]!)}`;
    return answer('training', text, [...facts, groups[0]!], { suggestions, ...decide(true, n > 6) });
  }
  // "Is the R4 year all IR?" — only a year whose twelve months are all that group is.
  if (u.yesNo && years.length === 1 && groups.length === 1 && says(u, 'all_words')) {
    const n = monthsOf(years[0]!, groups[0]!);
    const name = ctx.vocabulary.groups.get(groups[0]!)?.name ?? groups[0]!;
    const text = `${plural(n, 'month')} of the ${years[0]!.level} year ${n === 1 ? 'is' : 'are'} ${name}. ${yearText(years[0]!)}`;
    return answer('training', text, [...facts, groups[0]!], { suggestions, ...decide(true, n === 12) });
  }
  if (groups.length && (u.asks.howMany || u.yesNo)) {
    const counts = groups.map((g) => countAnswer(u, ctx, g, years));
    const all = counts.every((c) => c.holds);
    const none = counts.every((c) => !c.holds);
    // Under a verdict the first paragraph continues "Yes — "; every other starts a sentence.
    const text = counts.map((c, i) => (i || !u.yesNo ? capitalize(c.text) : c.text)).join('\n\n');
    return answer('training', text, [...facts, ...groups], {
      suggestions,
      ...(u.yesNo ? { verdict: all ? 'yes' : none ? 'no' : 'partly' } : {}),
    });
  }
  if (groups.length && (u.asks.when || u.opens.includes('which_what') || !years.length)) {
    const lines = groups.map((g) => {
      const name = ctx.vocabulary.groups.get(g)?.name ?? g;
      const where = t.years.filter((y) => monthsOf(y, g) > 0);
      return where.length
        ? `${name}: ${joinAnd(where.map((y) => `${plural(monthsOf(y, g), 'month')} in ${y.level}`))}.`
        : `${name}: no dedicated months in the residency's description.`;
    });
    return answer('training', lines.join('\n'), [...facts, ...groups], { suggestions });
  }
  if (years.length) {
    const sameAsDr = years.every((y) => y.same_as !== undefined);
    if (sameAsDr && years.length > 1) {
      const text = `${levels(years)} are ${sameText(k, years)}.`;
      return answer('training', text, facts, { suggestions, ...decide(u.yesNo, true) });
    }
    const items = years.length === 1 ? breakdown(ctx, years[0]!) : [];
    return answer('training', years.map((y) => yearText(y)).join('\n\n'), facts, {
      items: items.length ? items : undefined,
      itemsTitle: items.length ? `The ${years[0]!.level} year` : undefined,
      suggestions,
      ...(asksSame ? decide(u.yesNo, sameAsDr) : {}),
    });
  }
  // "Is the residency 4 years?": compare the stated length.
  const lengthAsked = u.yesNo && u.numbers.length > 0 && says(u, 'duration_asked');

  const items = t.years.map(
    (y) => `${y.level}: ${y.same_as ? sameAsText(k, y.same_as) : breakdown(ctx, y).join(', ')}`,
  );
  return answer(
    'training',
    `${lengthAsked ? `it is ${plural(t.residency.length_years, 'year')}. ` : ''}${t.residency.text}`,
    facts,
    {
      ...(lengthAsked ? decide(true, u.numbers[0] === t.residency.length_years) : {}),
      items,
      itemsTitle: `${t.residency.name}: ${plural(t.residency.length_years, 'year')}`,
      suggestions,
    },
  );
};
