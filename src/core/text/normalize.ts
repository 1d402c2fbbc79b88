/**
 * Text normalisation shared by the knowledge base's vocabulary and residents' questions, so that
 * both sides meet in one form: lower case, no accents, US spelling, punctuation as spaces.
 */

// British → US spelling at the level of word parts; applied to every token on both sides.
const SPELLING_RULES: Array<[RegExp, string]> = [
  [/isation/g, 'ization'],
  [/ise(s|d)?$/g, 'ize$1'],
  [/paed/g, 'ped'],
  [/oesoph/g, 'esoph'],
  [/haem/g, 'hem'],
  [/aemia/g, 'emia'],
  [/oedema/g, 'edema'],
  [/tumour/g, 'tumor'],
  [/centre/g, 'center'],
  [/programme/g, 'program'],
  [/anaes/g, 'anes'],
  [/ischaem/g, 'ischem'],
  [/oestr/g, 'estr'],
];

/** Any of the rules' patterns: a word matching none is left as it is. */
const ANY_SPELLING = new RegExp(SPELLING_RULES.map(([p]) => p.source).join('|'));

// Words whose British "-ise" ending is not a spelling variant.
const ISE_EXCEPTIONS = new Set([
  'otherwise',
  'exercise',
  'expertise',
  'advise',
  'advised',
  'advises',
  'wise',
  'rise',
  'raise',
  'promise',
  'premise',
  'surprise',
  'precise',
  'concise',
  'noise',
  'cruise',
  'franchise',
  'compromise',
  'enterprise',
  'supervise',
  'supervised',
  'revise',
  'revised',
  'devise',
  'comprise',
  'comprises',
  'arise',
  'arises',
  'vise',
]);

export function usSpelling(token: string): string {
  if (token.length < 5) return token;
  let out = token;
  // One test first: most words have none of the spellings, and need not meet each rule.
  if (!ANY_SPELLING.test(out)) return out;
  for (const [pattern, replacement] of SPELLING_RULES) {
    if (replacement === 'ize$1' && (ISE_EXCEPTIONS.has(out) || out.length < 7)) continue;
    out = out.replace(pattern, replacement);
  }
  return out;
}

const NOT_ASCII = /[^\x00-\x7f]/;

/** Lower case, accents and curly quotes folded, "&" read as "and", apostrophes dropped ("women's" → "womens"). */
export function foldText(text: string): string {
  // Plain ASCII (most questions and names): nothing to decompose or strip, no curly quotes.
  if (!NOT_ASCII.test(text)) {
    let out = text.toLowerCase();
    if (out.includes('`')) out = out.replace(/`/g, "'");
    if (out.includes('&')) out = out.replace(/&/g, ' and ');
    if (out.includes("'")) out = out.replace(/(\w)'(s|t|re|ve|m|ll|d)\b/g, '$1$2').replace(/'/g, ' ');
    return out;
  }
  return foldFully(text);
}

/** The whole folding, step by step, as any text needs it (foldText's plain-ASCII way ends the same). */
export function foldFully(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/&/g, ' and ')
    .replace(/(\w)'(s|t|re|ve|m|ll|d)\b/g, '$1$2')
    .replace(/'/g, ' ');
}

/**
 * Words of a text, normalised. Letters and digits split where they meet only when the original
 * has a separator ("y-90" → "y","90"; "y90" stays one word); the phrase index joins them back.
 */
export function tokenize(text: string): string[] {
  const folded = foldText(text);
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  return words.map(usSpelling);
}

/**
 * "ablate", "aspirated", "dilating": the -ation noun of an -ate verb, for the caller to use only
 * when that noun is a word it knows (many -ate words are nouns: prostate, state).
 */
export function nounOfAteVerb(token: string): string | undefined {
  return /at(e|ed|es|ing)$/.test(token) ? token.replace(/(e|ed|es|ing)$/, 'ion') : undefined;
}
