import type { Exclusion, Procedure } from '../../knowledge/schema.js';
import { says } from '../cues.js';
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
  whomToAsk,
} from './context.js';

/** Names the divisions that do an excluded procedure: "abdominal imaging, cardiothoracic imaging …". */
function doneBy(ctx: AnswerContext, exclusion: Exclusion): string[] {
  return exclusion.done_by.map((id) => ctx.vocabulary.divisions.get(id)?.name ?? id);
}

/** The subject of the question is a diagnostic radiology division rather than IR ("does DR do biopsies"). */
function asksAboutDr(u: Understanding): boolean {
  return u.refs.division.length > 0 || (u.refs.group.includes('dr') && !u.refs.program.length);
}

function procedureLine(ctx: AnswerContext, p: Procedure): string {
  const category = ctx.vocabulary.categories.get(p.category);
  const detail = p.description ? ` ${p.description}` : '';
  return `${p.name} is one of the ${ctx.knowledge.program.name} division's routine procedures, under ${category?.name.toLowerCase() ?? p.category}.${detail}`;
}

function exclusionLine(x: Exclusion): string {
  return x.text.replace(/^Our /, 'our ');
}

/** "Does DR do biopsies?" — said from the divisions' side, with the residents' part. */
function byDr(ctx: AnswerContext, x: Exclusion): string {
  const rest = x.text
    .split(/(?<=\.)\s+/)
    .filter((s) => !/^our division/i.test(s))
    .join(' ')
    .replace(/^They are/, `${capitalize(x.name.toLowerCase())} are`);
  return rest || `${capitalize(x.name.toLowerCase())} are performed by ${joinAnd(doneBy(ctx, x))}.`;
}

function related(ctx: AnswerContext, p: Procedure) {
  const category = ctx.vocabulary.categories.get(p.category);
  return category
    ? [
        ask(
          `Other ${category.name.toLowerCase()}`,
          `Which ${category.name.toLowerCase()} procedures does IR do?`,
        ),
      ]
    : [];
}

/** "Does IR do TIPS?" → "Yes — …"; "Does IR do biopsies?" → "No — …"; "TIPS?" → the fact without Yes. */
export const doesIrDo: Handler = (u, ctx) => {
  const procedures = u.refs.procedure.map((id) => ctx.vocabulary.procedures.get(id)!).filter(Boolean);
  const exclusions = u.refs.exclusion.map((id) => ctx.vocabulary.exclusions.get(id)!).filter(Boolean);
  const dr = asksAboutDr(u);
  // "Will I do biopsies?": residents do, on the diagnostic radiology rotations, though IR does not.
  const residentsNamed = says(u, 'trainees');
  const residents = !dr && (residentsNamed || (u.personal && !u.refs.program.length));
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
    lines.push(
      residents ? `residents do, but not on IR: ${exclusionLine(x)}` : dr ? byDr(ctx, x) : exclusionLine(x),
    );
    set(dr || residents ? 'yes' : 'no');
  }
  // "How many TIPS a month?": the description gives only the division's total.
  if (u.asks.howMany && procedures.length)
    lines.push(
      `The program description gives no count per procedure, only the division's total: ${ctx.knowledge.program.volume.text.charAt(0).toLowerCase()}${ctx.knowledge.program.volume.text.slice(1)}`,
    );
  const text = lines.join('\n\n');
  const verdict = combineVerdicts(verdicts, u.quantifier);
  const suggestions = procedures.length
    ? related(ctx, procedures[0]!)
    : [ask('Who does drainages?'), ask('What does IR do?')];
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
    lines.push(
      `The diagnostic radiology divisions: ${joinAnd(doneBy(ctx, x).map((d) => d.toLowerCase()))}. ${x.text}`,
    );
  }
  for (const id of u.refs.procedure) {
    const p = ctx.vocabulary.procedures.get(id)!;
    lines.push(`${ctx.knowledge.program.name} does: ${procedureLine(ctx, p)}`);
  }
  if (!lines.length && u.refs.division.length) {
    for (const id of u.refs.division) {
      const d = ctx.vocabulary.divisions.get(id)!;
      const work = ctx.knowledge.exclusions.filter((x) => x.done_by.includes(id));
      lines.push(
        work.length
          ? `${d.name} is one of the diagnostic radiology divisions that perform ${joinAnd(work.map((x) => x.name.toLowerCase()))}. ${work[0]!.text}`
          : `${d.name} is a diagnostic radiology division.${d.description ? ` ${d.description}` : ''}`,
      );
    }
  }
  return answer(
    'procedure.who',
    lines.join('\n\n') + correctionNote(u),
    [...u.refs.exclusion, ...u.refs.procedure, ...u.refs.division],
    {
      suggestions: [ask('Does IR do TIPS?'), ask('What does IR do?')],
    },
  );
};

/** A procedure the knowledge base does not list: neither yes nor no, and whom to ask. */
export const unknownProcedure: Handler = (u, ctx) => {
  const named = u.matches.filter((m) => !m.refs.some((r) => r.kind === 'program')).map((m) => m.text);
  const term = u.unknownWords.join(' ') || named.join(' ');
  const text = `I can't say yes or no: “${term}” is not among the routine procedures listed for ${ctx.knowledge.program.name}, and the division performs many others. ${capitalize(whomToAsk(ctx.knowledge))} will know.`;
  return answer('procedure.unknown', text, ['program-contact'], {
    unanswered: true,
    suggestions: [ask('What does IR do?'), ask('Which oncologic procedures does IR do?')],
  });
};

/** "Which women's health procedures does IR do?" — the procedures of a category. */
export const categoryList: Handler = (u, ctx) => {
  const ids = u.refs.category;
  const category = ctx.vocabulary.categories.get(ids[0]!)!;
  const procedures = ctx.vocabulary.proceduresByCategory.get(category.id) ?? [];
  const others = ids.slice(1).map((id) => ctx.vocabulary.categories.get(id)!.name);
  const about = category.description ? ` ${category.description}` : '';
  const also = others.length
    ? `\n\nYou also mentioned ${joinAnd(others)}: ask about ${others.length === 1 ? 'it' : 'them'} next.`
    : '';
  const text = `${capitalize(category.name)} is one of the areas the division routinely works in.${about} Its routine procedures are listed below; the division performs many others too.${also}`;
  return answer('category.list', text + correctionNote(u), [category.id, ...procedures.map((p) => p.id)], {
    itemsTitle: category.name,
    items: procedures.map((p) => p.name),
    ...decide(u.yesNo, true),
    suggestions: others
      .map((o) => ask(o, `Which ${o.toLowerCase()} procedures does IR do?`))
      .concat([ask('What does IR do?')]),
  });
};
