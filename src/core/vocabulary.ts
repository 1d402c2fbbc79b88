import { WORD_LISTS } from '../knowledge/language-lists.js';
import type {
  Category,
  Division,
  Exclusion,
  FaqEntry,
  Knowledge,
  Procedure,
  Rotation,
  RotationGroup,
  Site,
  TrainingYear,
} from '../knowledge/schema.js';
import { compileLexicon, type Lexicon, lexiconWords } from './lexicon.js';
import { foldText } from './text/normalize.js';
import { type EntityRef, PhraseIndex, stem } from './text/phrase-index.js';
import { PhraseLists } from './text/phrases.js';

/** The knowledge base compiled for answering: lookups by id and the phrase index of every name. */
export interface Vocabulary {
  knowledge: Knowledge;
  index: PhraseIndex;
  /** The bot's own words (stems): how questions are asked, never what they are about. */
  lexicon: Set<string>;
  /** The language file's word lists by the part each plays (YES_NO_STARTERS, PAST, WHO, …). */
  words: Lexicon;
  procedures: Map<string, Procedure>;
  categories: Map<string, Category>;
  exclusions: Map<string, Exclusion>;
  divisions: Map<string, Division>;
  rotations: Map<string, Rotation>;
  groups: Map<string, RotationGroup>;
  sites: Map<string, Site>;
  years: Map<string, TrainingYear>;
  faq: Map<string, FaqEntry>;
  proceduresByCategory: Map<string, Procedure[]>;
  rotationsByGroup: Map<string, Rotation[]>;
  rotationsBySite: Map<string, Rotation[]>;
}

const compiled = new WeakMap<Knowledge, Vocabulary>();

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

function groupBy<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

/** Compiled once per loaded knowledge base (a reload compiles the new one), never per question. */
export function vocabularyOf(knowledge: Knowledge): Vocabulary {
  const cached = compiled.get(knowledge);
  if (cached) return cached;
  // Every word of the bot's own lexicon is known, so typo correction never rewrites how a question is asked.
  const words = compileLexicon(knowledge.language);
  const cue = lexiconWords(words);
  const index = new PhraseIndex(cue);
  // Questions are read with chat shorthand expanded ("u" → "you"), so a name holding such a word
  // ("the U") is indexed as it will be read, beside the name as written.
  const expand = (name: string) => foldText(name).replace(/[a-z0-9]+/g, (w) => words.SHORTHAND[w] ?? w);
  const add = (names: Iterable<string>, ref: EntityRef) => {
    for (const name of names) {
      index.add(name, ref);
      const read = expand(name);
      if (read !== foldText(name)) index.add(read, ref);
    }
  };
  // A short name is how answers and suggestions name the entry, so a question may use it too.
  const short = (x: { short_name?: string }) => (x.short_name ? [x.short_name] : []);
  const p = knowledge.program;
  add([p.name, ...short(p), ...p.aliases], { kind: 'program', id: p.id });
  for (const s of p.sites) add([s.name, ...short(s), s.id, ...s.aliases], { kind: 'site', id: s.id });
  for (const c of knowledge.categories) add([c.name, ...c.aliases], { kind: 'category', id: c.id });
  for (const x of knowledge.procedures) add([x.name, ...x.aliases], { kind: 'procedure', id: x.id });
  for (const x of knowledge.exclusions) add([x.name, ...x.aliases], { kind: 'exclusion', id: x.id });
  for (const d of knowledge.divisions) add([d.name, ...d.aliases], { kind: 'division', id: d.id });
  for (const g of knowledge.groups) add([g.name, ...short(g), ...g.aliases], { kind: 'group', id: g.id });
  for (const r of knowledge.rotations)
    add([r.name, ...r.labels, ...r.aliases], { kind: 'rotation', id: r.id });
  for (const y of knowledge.training.years) add([y.level, y.id, ...y.aliases], { kind: 'year', id: y.id });
  for (const f of knowledge.faq) add(f.aliases, { kind: 'faq', id: f.id });
  for (const [topic, names] of Object.entries(words.TOPICS)) add(names, { kind: 'topic', id: topic });

  const vocabulary: Vocabulary = {
    knowledge,
    index,
    lexicon: placedWords(words),
    words,
    procedures: byId(knowledge.procedures),
    categories: byId(knowledge.categories),
    exclusions: byId(knowledge.exclusions),
    divisions: byId(knowledge.divisions),
    rotations: byId(knowledge.rotations),
    groups: byId(knowledge.groups),
    sites: byId(p.sites),
    years: byId(knowledge.training.years),
    faq: byId(knowledge.faq),
    proceduresByCategory: groupBy(knowledge.procedures, (x) => x.category),
    rotationsByGroup: groupBy(knowledge.rotations, (r) => r.group),
    rotationsBySite: groupBy(knowledge.rotations, (r) => r.site),
  };
  compiled.set(knowledge, vocabulary);
  return vocabulary;
}

/**
 * A vocabulary as v8.deserialize gives it back, kept between runs with the knowledge base it
 * was compiled from (src/knowledge/cache.ts): its classes made whole again, and remembered for
 * that knowledge base, so vocabularyOf answers with it instead of compiling.
 */
export function reviveVocabulary(value: Vocabulary): Vocabulary {
  PhraseIndex.revive(value.index);
  PhraseLists.revive(value.words.PHRASES);
  compiled.set(value.knowledge, value);
  return value;
}

/**
 * The bot's own words that place a word of a question on their own: every word list but the
 * ordinary nouns (known, so never "corrected", yet what a question may be about). Words that
 * only appear inside phrases place a word only as part of a phrase said.
 */
function placedWords(words: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const n of WORD_LISTS) {
    if (n === 'ordinary_nouns') continue;
    for (const w of words[n.toUpperCase() as Uppercase<typeof n>]) out.add(stem(w));
  }
  for (const w of [...Object.keys(words.NUMBERS), ...Object.keys(words.QUANTIFIERS)]) out.add(stem(w));
  for (const name of words.HOLIDAYS.keys()) for (const w of name.split(' ')) out.add(stem(w));
  return out;
}
