import { rolesOf } from '../../knowledge/roles.js';
import { describeRotation } from '../../knowledge/rotation-names.js';
import { says } from '../cues.js';
import { foldText, tokenize } from '../text/normalize.js';
import { formatCount } from '../text/numbers.js';
import { said } from '../text/phrases.js';
import type { Verdict } from '../types.js';
import type { Understanding } from '../understand.js';
import {
  type AnswerContext,
  answer,
  ask,
  capitalize,
  decide,
  type Handler,
  joinAnd,
  notSaidOf,
  notStatedForSites,
  otherDoers,
  plural,
  statedFigure,
  undecided,
  whomToAsk,
} from './context.js';
import { examples } from './examples.js';

/** "What does IR do?" — the division in one paragraph, with its categories. */
export const overview: Handler = (_u, ctx) => {
  const p = ctx.knowledge.program;
  const counts = ctx.knowledge.categories.map(
    (c) => `${c.name} (${plural(ctx.vocabulary.proceduresByCategory.get(c.id)?.length ?? 0, 'procedure')})`,
  );
  // A folder without procedures.yaml has no areas to list: the summary alone.
  const areas = counts.length
    ? '\n\nIts routine work falls into these areas; ask about any of them for the procedures.'
    : '';
  return answer(
    'program.overview',
    `${p.summary}${areas}`,
    [p.id, ...ctx.knowledge.categories.map((c) => c.id)],
    {
      ...(counts.length ? { itemsTitle: 'Areas of routine work', items: counts } : {}),
      suggestions: examples(ctx.knowledge, 'does-referral', 'year', 'category'),
    },
  );
};

/**
 * "How many procedures does IR do?" where IR is a rotation group and not the program: the rotation
 * named as who does it, whose patients and volume the data does not give. A caveat, or undefined.
 */
function notTheProgram(u: Understanding, ctx: AnswerContext, what: string): string | undefined {
  if (u.refs.program.length) return undefined;
  // A rotation whose name is also the topic's word ("peds" of the patients) is no one doing it.
  const topical = new Set(
    u.matches.filter((m) => m.refs.some((r) => r.kind === 'topic')).flatMap((m) => m.refs.map((r) => r.id)),
  );
  const named = {
    ...u,
    refs: {
      ...u.refs,
      group: u.refs.group.filter((id) => !topical.has(id)),
      rotation: u.refs.rotation.filter((id) => !topical.has(id)),
    },
  };
  const doers = otherDoers(named, ctx, rolesOf(ctx.knowledge).specialty?.id);
  return doers.length ? notSaidOf(doers, what) : undefined;
}

/** "Does IR treat kids?" — adult and pediatric patients in one unified division. */
export const patients: Handler = (u, ctx) => {
  const p = ctx.knowledge.program.patients;
  const other = notTheProgram(u, ctx, 'which patients it treats');
  if (other)
    return answer('program.patients', `${other}\n\n${p.text}`, ['program-patients'], {
      suggestions: examples(ctx.knowledge, 'volume', 'covers-site'),
      ...undecided(u.yesNo),
    });
  const holds = says(u, 'separate')
    ? !p.unified
    : says(u, 'unified')
      ? p.unified
      : says(u, 'only')
        ? !(p.adult && p.pediatric)
        : says(u, 'pediatric')
          ? p.pediatric
          : p.adult;
  // "Is there a pediatric IR rotation?": a rotation for these patients is asked, and the rotations
  // list has a kind of rotation, not one per patient: the rotations whose names say the same
  // patients, and the division's patients, without a verdict.
  if (says(u, 'rotation_word') && says(u, 'pediatric')) {
    const named = ctx.knowledge.rotations.filter((r) =>
      said(ctx.vocabulary.words.PHRASES, tokenize([r.name, ...r.labels].join(' ')), true).has('pediatric'),
    );
    const listed = named.length
      ? ` The rotations listed for them: ${joinAnd(named.map((r) => `${r.name} (${r.labels[0]})${r.description ? `, ${r.description.charAt(0).toLowerCase()}${r.description.slice(1).split('. ')[0]!.replace(/\.$/, '')}` : ''}`))}.`
      : ' No rotation listed is named for them.';
    return answer(
      'program.patients',
      `I can't say yes or no: the rotations are listed by kind, not by the patients treated.${listed}\n\n${p.text}`,
      ['program-patients', ...named.map((r) => r.id)],
      {
        suggestions: examples(ctx.knowledge, 'volume', 'covers-site'),
        ...undecided(u.yesNo),
      },
    );
  }
  // "Do we treat kids at the VA?", "does the VA treat kids?": the patients are the division's;
  // nothing is said per site.
  if (u.refs.site.length)
    return answer(
      'program.patients',
      `${notStatedForSites(ctx, u.refs.site, 'which patients are treated')}\n\n${p.text}`,
      ['program-patients'],
      {
        suggestions: examples(ctx.knowledge, 'volume', 'covers-site'),
        ...undecided(u.yesNo),
      },
    );
  return answer('program.patients', p.text, ['program-patients'], {
    suggestions: examples(ctx.knowledge, 'volume', 'covers-site'),
    ...decide(u.yesNo, holds),
  });
};

export const volume: Handler = (u, ctx) => {
  const v = ctx.knowledge.program.volume;
  const base = { suggestions: examples(ctx.knowledge, 'overview', 'children') };
  const other = notTheProgram(u, ctx, 'how many procedures it does');
  if (other)
    return answer('program.volume', `${other} ${v.text}`, ['program-volume'], {
      ...base,
      ...undecided(u.yesNo),
    });
  const figureAnswer = (verdict: Verdict | undefined, text = v.text) =>
    answer('program.volume', text, ['program-volume'], { ...base, ...(verdict ? { verdict } : {}) });
  // "How many a year?": the data's figure is a month's; a year's is twelve of them, said as such.
  const perYear = says(u, 'per_year') && !says(u, 'per_month');
  const figure = v.procedures_per_month * (perYear ? 12 : 1);
  const text = perYear ? `${v.text} That is about ${formatCount(figure)} a year.` : v.text;
  const stated = statedFigure(u.text, ctx.vocabulary.words);
  // "How many procedures does the VA do?", "does IR do 700 at the VA?": the figure is the
  // division's, not a site's.
  if (u.refs.site.length)
    return figureAnswer(
      u.yesNo ? 'unknown' : undefined,
      `${notStatedForSites(ctx, u.refs.site, 'how many procedures are done')} ${v.text}`,
    );
  if (!u.yesNo || stated === undefined) return figureAnswer(u.yesNo ? 'yes' : undefined, text);
  // "700 a month or a year?", "30 a day?", "700 TIPS a month?": the figure is the division's total
  // of a month; it decides nothing of another time, of one procedure or of one year's residents.
  const perProcedure =
    u.refs.procedure.length + u.refs.exclusion.length + u.refs.category.length + u.refs.year.length > 0;
  // "800 a month?", "more than 500?", "8,400 a year?": the stated figure against the data's.
  // "Approximately 700" is about 700: it says neither more nor less than 700.
  const about = v.approximate ? Math.abs(figure - stated) <= figure * 0.05 : figure === stated;
  // "700 a week?": the month's figure said of another time is not it; another figure is undecided.
  const compared = says(u, 'more_than') || says(u, 'less_than');
  if (says(u, 'per_other') && about && !compared && !perProcedure) return figureAnswer('no');
  if (says(u, 'per_other') || (says(u, 'per_year') && says(u, 'per_month')) || perProcedure)
    return figureAnswer('unknown');
  const direction = says(u, 'more_than') ? 'more' : says(u, 'less_than') ? 'less' : undefined;
  if (direction && about && v.approximate) return figureAnswer('unknown', text);
  const holds = direction === 'more' ? figure >= stated : direction === 'less' ? figure <= stated : about;
  return figureAnswer(holds ? 'yes' : 'no', text);
};

/** "Does IR cover the VA?", "Where is the VA?", "What is DUMC?" */
export const site: Handler = (u, ctx) => {
  const ids = u.refs.site.length ? u.refs.site : ctx.knowledge.program.sites.map((s) => s.id);
  const lines = ids.map((id) => {
    const s = ctx.vocabulary.sites.get(id)!;
    return `${s.name}: ${s.description}`;
  });
  // "How many sites are there?", "are there two sites?": the program's sites counted.
  if (!u.refs.site.length && (u.asks.howMany || u.numbers.length))
    return answer(
      'program.site',
      [`${ctx.knowledge.program.name} has ${plural(ids.length, 'site')}.`, ...lines].join('\n\n'),
      ids,
      {
        suggestions: examples(ctx.knowledge, 'who-at-site-now', 'overview'),
        ...(u.yesNo && u.numbers.length ? decide(true, u.numbers[0] === ids.length) : {}),
      },
    );
  // "Is the VA far?" is answered from the site's own description; any other yes/no is about coverage.
  const asksFar = says(u, 'far');
  // Near when the site's own description says so ("across the street"), in the language file's words.
  const near = ids.some((id) => describedNear(ctx, ctx.vocabulary.sites.get(id)!.description));
  // Yes only for what the description says: coverage, procedures, being near. "Is the VA part of Duke?" gets the facts.
  const coverage = says(u, 'site_coverage');
  const asksNear = says(u, 'near');
  // Coverage is the program's: say Yes only when the question names it (or "you"/"we") as who covers.
  const specialty = rolesOf(ctx.knowledge).specialty?.id;
  const byDivision =
    u.refs.program.length > 0 ||
    (specialty !== undefined && u.refs.group.includes(specialty)) ||
    says(u, 'about_ir');
  // Near is decided by the description; far only when it says near; coverage only when named as the division's.
  // "Does the VA have its own IR faculty?": the description says who covers it, not what else it has.
  const decided = asksFar || asksNear ? near : coverage && byDivision && !says(u, 'separate');
  const holds = !asksFar;
  return answer('program.site', lines.join('\n\n'), ids, {
    suggestions: examples(ctx.knowledge, 'who-at-site-now', 'overview'),
    ...(decided ? decide(u.yesNo, holds) : {}),
  });
};

export const contact: Handler = (u, ctx) => {
  const c = ctx.knowledge.program.contact;
  // "What's the coordinator's email?": the address when the knowledge base has one, else say so.
  const missing = says(u, 'email_asked') && !c.email ? `I don't have an email address for ${c.name}. ` : '';
  return answer(
    'program.contact',
    `${missing}${capitalize(whomToAsk(ctx.knowledge))} can help with anything I can't answer: schedule changes, swaps, and questions about the program.`,
    ['program-contact'],
    missing ? { unanswered: true, ...undecided(u.yesNo) } : {},
  );
};

export const faq: Handler = (u, ctx) => {
  const entries = u.refs.faq.map((id) => ctx.vocabulary.faq.get(id)!);
  return answer(
    'faq',
    entries.map((e) => e.answer).join('\n\n'),
    entries.map((e) => e.id),
  );
};

/** "What is the ICU rotation?", "Tell me about DR-Nucs". */
export const rotationInfo: Handler = (u, ctx) => {
  const v = ctx.vocabulary;
  // Named rotations, else a group's, else the rotations at a named site ("the VA rotation").
  const rotations = u.refs.rotation.length
    ? u.refs.rotation.map((id) => v.rotations.get(id)!)
    : u.refs.group.length
      ? u.refs.group.flatMap((g) => v.rotationsByGroup.get(g) ?? [])
      : u.refs.site.flatMap((site) => v.rotationsBySite.get(site) ?? []);
  const groups = u.refs.group.map((g) => v.groups.get(g)!);
  const lines: string[] = [];
  for (const g of groups) {
    const names = (v.rotationsByGroup.get(g.id) ?? []).map(
      (r) => r.name + (r.site ? ` (${v.sites.get(r.site)?.name ?? r.site})` : ''),
    );
    lines.push(
      `${g.name}${g.description ? `: ${g.description}` : ''}${names.length > 1 ? ` The schedule has ${joinAnd(names)}.` : ''}`,
    );
  }
  if (!groups.length) {
    for (const r of rotations) {
      lines.push(
        `${describeRotation(ctx.knowledge, { rotationId: r.id, label: r.labels[0]! }).text} (schedule label ${r.labels[0]}).${r.description ? ` ${r.description}` : ''}${r.reminder ? ` ${r.reminder}` : ''}`,
      );
    }
  }
  // "Is the ICU month at Duke or the VA?": where a named rotation is, from its own site, or said unknown.
  const named = u.refs.rotation.length || u.refs.group.length;
  const unsited = named && u.placeSites.length ? rotations.filter((r) => !r.site) : [];
  if (unsited.length)
    lines.unshift(
      `The program description does not say at which site ${joinAnd(unsited.map((r) => r.name))} takes place; ${whomToAsk(ctx.knowledge)} will know.`,
    );
  const sited = named && u.placeSites.length ? rotations.filter((r) => r.site) : [];
  if (sited.length)
    lines.unshift(sited.map((r) => `${r.name} is at ${v.sites.get(r.site!)?.name ?? r.site}.`).join(' '));
  const first = rotations[0];
  // "Is there a peds rotation?": the rotation named is one the program has.
  // One rotation named, and nothing beside it (no year, no program it would be part of).
  const exists =
    u.yesNo &&
    (says(u, 'exists_asked') || says(u, 'rotate_asked')) &&
    !u.placeSites.length &&
    rotations.length === 1 &&
    u.refs.program.length + u.refs.year.length === 0;
  return answer('rotation.info', lines.join('\n\n'), [...u.refs.group, ...rotations.map((r) => r.id)], {
    ...(exists ? decide(true, true) : {}),
    ...(unsited.length
      ? { unanswered: true, ...undecided(u.yesNo) }
      : sited.length
        ? decide(
            u.yesNo,
            sited.every((r) => u.placeSites.includes(r.site!)),
          )
        : {}),
    suggestions: first
      ? [ask(`Who is on ${first.labels[0]} this month?`), ask(`When is my next ${first.labels[0]} month?`)]
      : [],
  });
};

/** "What rotations are there?" — every rotation group, with the schedule's rotations in it. */
export const rotationList: Handler = (_u, ctx) => {
  const v = ctx.vocabulary;
  const items = ctx.knowledge.groups.map((g) => {
    const names = (v.rotationsByGroup.get(g.id) ?? []).map((r) => `${r.name} (${r.labels[0]})`);
    return `${g.name}: ${names.join(', ')}`;
  });
  return answer(
    'rotation.list',
    'These are the rotations the schedule uses, by group (with the label coordinators type):',
    ctx.knowledge.groups.map((g) => g.id),
    {
      items,
      itemsTitle: 'Rotations',
      suggestions: examples(ctx.knowledge, 'year', 'who-at-site-now'),
    },
  );
};

/** A site's description says it is near ("across the street from the main hospital"), in the language file's words. */
function describedNear(ctx: AnswerContext, description: string): boolean {
  const words = foldText(description)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return said(ctx.vocabulary.words.PHRASES, words).has('described_near');
}
