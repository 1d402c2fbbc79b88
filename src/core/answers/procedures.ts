import { rolesOf } from '../../knowledge/roles.js';
import type { Exclusion, Procedure } from '../../knowledge/schema.js';
import { phraseOf } from '../coverage.js';
import { says } from '../cues.js';
import { tokenize } from '../text/normalize.js';
import type { Understanding } from '../understand.js';
import {
  type AnswerContext,
  answer,
  ask,
  capitalize,
  combineVerdicts,
  correctionNote,
  decide,
  type Handler,
  joinAnd,
  notSaidOf,
  notStatedForSites,
  otherDoers,
  partNotSaid,
  residentsAsked,
  statedFigure,
  undecided,
  whomToAsk,
} from './context.js';
import { examples } from './examples.js';

/** Names the divisions that do an excluded procedure: "abdominal imaging, cardiothoracic imaging …". */
function doneBy(ctx: AnswerContext, exclusion: Exclusion): string[] {
  return exclusion.done_by.map((id) => ctx.vocabulary.divisions.get(id)?.name ?? id);
}

/**
 * The divisions the question asks about instead of the program: named, or standing for a rotation
 * group named ("does DR do biopsies?" in an IR program); a group named with the program is the program's.
 */
function divisionsAsked(u: Understanding, ctx: AnswerContext): Set<string> {
  const { divisionsOfGroup } = rolesOf(ctx.knowledge);
  const byGroup = u.refs.program.length
    ? []
    : u.refs.group.flatMap((g) => divisionsOfGroup.get(g) ?? []).map((d) => d.id);
  return new Set([...u.refs.division, ...byGroup]);
}

function procedureLine(ctx: AnswerContext, p: Procedure): string {
  const category = ctx.vocabulary.categories.get(p.category);
  const detail = p.description ? ` ${p.description}` : '';
  return `${p.name} is one of the ${ctx.knowledge.program.name} division's routine procedures, under ${category?.name.toLowerCase() ?? p.category}.${detail}`;
}

/** The referral's text, continuing "No — " when it opens with an article ("Our division…" → "our division…"). */
function exclusionLine(ctx: AnswerContext, x: Exclusion): string {
  const first = x.text.split(/\s/, 1)[0]!;
  return ctx.vocabulary.words.DETERMINERS.has(first.toLowerCase())
    ? first.toLowerCase() + x.text.slice(first.length)
    : x.text;
}

/** "Does DR do biopsies?" — said from the divisions' side: the referral's own words for it, or who does it. */
function byDr(ctx: AnswerContext, x: Exclusion): string {
  return x.by_divisions ?? `${capitalize(x.name.toLowerCase())} are performed by ${joinAnd(doneBy(ctx, x))}.`;
}

function related(ctx: AnswerContext, p: Procedure) {
  const category = ctx.vocabulary.categories.get(p.category);
  return category
    ? [
        ask(
          `Other ${category.name.toLowerCase()}`,
          `Which ${category.name.toLowerCase()} procedures does ${rolesOf(ctx.knowledge).short} do?`,
        ),
      ]
    : [];
}

/** What the data says residents do themselves: the work of the referrals that say so. */
function residentsOwnWork(ctx: AnswerContext): string {
  const own = ctx.knowledge.exclusions.filter((x) => x.residents_do);
  if (!own.length) return 'It does not say which procedures residents do themselves.';
  // In the referral's own words, which say where residents do it.
  const first = own[0]!;
  return `What residents do themselves it says only of ${joinAnd(own.map((x) => x.name.toLowerCase()))}, which the division does not routinely do. ${first.by_divisions ?? exclusionLine(ctx, first)}`;
}

/** "Does IR do TIPS?" → "Yes — …"; "Does IR do biopsies?" → "No — …"; "TIPS?" → the fact without Yes. */
export const doesIrDo: Handler = (u, ctx) => {
  const procedures = u.refs.procedure.map((id) => ctx.vocabulary.procedures.get(id)!).filter(Boolean);
  const exclusions = u.refs.exclusion.map((id) => ctx.vocabulary.exclusions.get(id)!).filter(Boolean);
  const asked = divisionsAsked(u, ctx);
  const dr = asked.size > 0;
  const { short } = rolesOf(ctx.knowledge);
  // "Will I do biopsies?": residents do, on the other divisions' rotations, though the program does not.
  const residents = !dr && residentsAsked(u);
  const lines: string[] = [];
  const verdicts: ('yes' | 'no')[] = [];
  const set = (v: 'yes' | 'no') => verdicts.push(v);
  // "Is TIPS an oncologic therapy?": the question is the category, not whether IR does it.
  const categoryAsked = u.refs.category.filter((c) => !procedures.some((p) => p.id === c));
  for (const p of procedures) {
    lines.push(procedureLine(ctx, p));
    set(categoryAsked.length ? (categoryAsked.includes(p.category) ? 'yes' : 'no') : dr ? 'no' : 'yes');
  }
  for (const x of exclusions) {
    // Residents do it only where the referral says so; a division does it when the referral names it.
    const byResidents = residents && x.residents_do;
    lines.push(
      byResidents
        ? `residents do, but not on ${short}: ${exclusionLine(ctx, x)}`
        : dr
          ? byDr(ctx, x)
          : exclusionLine(ctx, x),
    );
    set(byResidents || (dr && x.done_by.some((d) => asked.has(d))) ? 'yes' : 'no');
  }
  // "How many TIPS a month?": the description gives only the division's total.
  // "Does IR do 700 TIPS a month?": a count of one procedure, which the data does not give.
  const figure = statedFigure(u.text, ctx.vocabulary.words);
  // A number of a name ("Y 90", "type 2 endoleak") is no count.
  const counted =
    u.yesNo &&
    procedures.length > 0 &&
    figure !== undefined &&
    !u.matches.some((m) => m.text.split(' ').includes(String(figure)));
  if ((u.asks.howMany || counted) && procedures.length)
    lines.push(
      `The program description gives no count per procedure, only the division's total: ${ctx.knowledge.program.volume.text.charAt(0).toLowerCase()}${ctx.knowledge.program.volume.text.slice(1)}`,
    );
  // "Do we do Y-90 at the VA?", "does the VA do TIPS?": the knowledge base says what the division
  // does, not where; a site named, as the place or as who does it, is a part the facts do not decide.
  // A site named in the program's own name stands for the program ("does Duke do nanoknife?").
  const programWords = new Set(tokenize(ctx.knowledge.program.name));
  const doerSites = u.refs.site.filter(
    (id) =>
      !u.matches.some(
        (m) =>
          m.refs.some((r) => r.kind === 'site' && r.id === id) &&
          tokenize(m.text).every((w) => programWords.has(w)),
      ),
  );
  const siteIds = [...new Set([...u.placeSites, ...doerSites])];
  const atSite = siteIds.length > 0 && (procedures.length > 0 || exclusions.length > 0) && !dr;
  // "Does neuro do biopsies?", "does the ICU do TIPS?": a rotation named as who does it that is
  // neither the program nor a division the data names: what it does is not said.
  const specialty = rolesOf(ctx.knowledge).specialty?.id;
  const doers = u.refs.program.length || dr || residents ? [] : otherDoers(u, ctx, specialty);
  const variants = u.variants ?? [];
  // "Will I be primary operator for TIPS?": the data says the division does it, and which of the
  // work it does not do residents do themselves; what part residents play in the division's own
  // procedures it does not say.
  const roleAsked = residents && procedures.length > 0 && says(u, 'operator_role');
  if (roleAsked) lines.push(residentsOwnWork(ctx));
  // "Am I primary on drains during MSK?": where residents operate is said in the referral's own
  // words, not by division: its words, undecided.
  const roleAtDivision = dr && exclusions.length > 0 && residentsAsked(u) && says(u, 'operator_role');
  // What the facts cannot decide is said first, then what the data does say.
  const caveat = atSite
    ? notStatedForSites(ctx, siteIds, 'which procedures are done')
    : roleAsked
      ? partNotSaid(ctx, joinAnd(procedures.map((p) => p.name)))
      : roleAtDivision
        ? `I can't say yes or no for ${joinAnd([...asked].map((id) => ctx.vocabulary.divisions.get(id)?.name ?? id))}: the program description says where residents do this in its own words:`
        : variants.length
          ? `I can't say yes or no: “${joinAnd(variants)}” is not among the procedures listed for ${ctx.knowledge.program.name}. ${capitalize(whomToAsk(ctx.knowledge))} will know. What the data does say:`
          : doers.length
            ? notSaidOf(doers, 'which procedures it does')
            : undefined;
  const text = caveat
    ? [caveat, ...lines.map(capitalize)].join('\n\n')
    : lines.map((l, i) => (i ? capitalize(l) : l)).join('\n\n');
  const verdict = caveat || counted ? 'unknown' : combineVerdicts(verdicts, u.quantifier);
  const suggestions = procedures.length
    ? related(ctx, procedures[0]!)
    : examples(ctx.knowledge, 'who-does-referral', 'overview');
  return answer('procedure.does', text + correctionNote(u), [...u.refs.procedure, ...u.refs.exclusion], {
    suggestions,
    ...(u.yesNo && verdict ? { verdict } : {}),
  });
};

/** "Who does biopsies?" → the divisions; "Who does TIPS?" → IR. */
export const whoDoes: Handler = (u, ctx) => {
  const lines: string[] = [];
  for (const id of u.refs.exclusion) {
    const x = ctx.vocabulary.exclusions.get(id)!;
    const names = joinAnd(doneBy(ctx, x).map((d) => d.toLowerCase()));
    const together = ctx.knowledge.divisionsName;
    lines.push(`${capitalize(together ? `${together}: ${names}` : names)}. ${x.text}`);
  }
  for (const id of u.refs.procedure) {
    const p = ctx.vocabulary.procedures.get(id)!;
    lines.push(`${ctx.knowledge.program.name} does: ${procedureLine(ctx, p)}`);
  }
  if (!lines.length && u.refs.division.length) {
    for (const id of u.refs.division) {
      const d = ctx.vocabulary.divisions.get(id)!;
      const work = ctx.knowledge.exclusions.filter((x) => x.done_by.includes(id));
      const together = ctx.knowledge.divisionsName;
      const does = joinAnd(work.map((x) => x.name.toLowerCase()));
      lines.push(
        work.length
          ? `${d.name} ${together ? `is one of ${together} that perform` : 'performs'} ${does}. ${work[0]!.text}`
          : `${d.name}${together ? ` is one of ${together}.` : ':'}${d.description ? ` ${d.description}` : ''}`,
      );
    }
  }
  return answer(
    'procedure.who',
    lines.join('\n\n') + correctionNote(u),
    [...u.refs.exclusion, ...u.refs.procedure, ...u.refs.division],
    {
      suggestions: examples(ctx.knowledge, 'does-procedure', 'overview'),
    },
  );
};

/** A procedure the knowledge base does not list: neither yes nor no, and whom to ask. */
export const unknownProcedure: Handler = (u, ctx) => {
  const named = u.matches.filter((m) => !m.refs.some((r) => r.kind === 'program')).map((m) => m.text);
  // In the order asked, with the words between: "hepatic vein pressure measurements".
  const term = u.unknownWords.length
    ? phraseOf(u.text, u.unknownWords, ctx.vocabulary.words)
    : named.join(' ');
  const text = `I can't say yes or no: “${term}” is not among the ${ctx.knowledge.othersNotListed ? 'routine ' : ''}procedures listed for ${ctx.knowledge.program.name}${ctx.knowledge.othersNotListed ? ', and the division performs many others' : ''}. ${capitalize(whomToAsk(ctx.knowledge))} will know.`;
  return answer('procedure.unknown', text, ['program-contact'], {
    unanswered: true,
    suggestions: examples(ctx.knowledge, 'overview', 'category'),
  });
};

/** "Which women's health procedures does IR do?" — the procedures of a category. */
export const categoryList: Handler = (u, ctx) => {
  const ids = u.refs.category;
  const category = ctx.vocabulary.categories.get(ids[0] ?? '');
  // "and TIPS?" after a category: completed from the conversation, it names a procedure, not a category.
  if (!category) return doesIrDo(u, ctx);
  const procedures = ctx.vocabulary.proceduresByCategory.get(category.id) ?? [];
  const others = ids.slice(1).map((id) => ctx.vocabulary.categories.get(id)!.name);
  const about = category.description ? ` ${category.description.trim()}` : '';
  const also = others.length
    ? `\n\nYou also mentioned ${joinAnd(others)}: ask about ${others.length === 1 ? 'it' : 'them'} next.`
    : '';
  const listed = `${capitalize(category.name)} is one of the areas the division routinely works in.${about}${ctx.knowledge.othersNotListed ? ' Its routine procedures are listed below; the division performs many others too.' : ' Its procedures are listed below.'}${also}`;
  // "Does IR do biopsies?" where IR is a rotation, not the program: what it does is not said.
  const residents = residentsAsked(u);
  const doers =
    u.refs.program.length || residents ? [] : otherDoers(u, ctx, rolesOf(ctx.knowledge).specialty?.id);
  // "Will I do oncologic therapies myself?": the part residents play is not said of an area either.
  const roleAsked = residents && says(u, 'operator_role');
  const caveat = doers.length
    ? notSaidOf(doers, 'which procedures it does')
    : roleAsked
      ? partNotSaid(ctx, category.name.toLowerCase())
      : undefined;
  const text = caveat ? `${caveat}\n\n${listed}` : listed;
  return answer('category.list', text + correctionNote(u), [category.id, ...procedures.map((p) => p.id)], {
    itemsTitle: category.name,
    items: procedures.map((p) => p.name),
    ...(caveat ? undecided(u.yesNo) : decide(u.yesNo, true)),
    suggestions: others
      .map((o) => ask(o, `Which ${o.toLowerCase()} procedures does ${rolesOf(ctx.knowledge).short} do?`))
      .concat(examples(ctx.knowledge, 'overview')),
  });
};
