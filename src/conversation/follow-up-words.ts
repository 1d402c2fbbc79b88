/**
 * The words that mark a message as a follow-up, by role. Data, not grammar: a program in another
 * language replaces these lists; the code that completes a follow-up only asks which role a word
 * plays. (They join the language file of the knowledge base once it holds the other cue words.)
 */
export interface FollowUpWords {
  /** Phrases that open a follow-up: "and April?", "what about Casey?", "how about the VA?". */
  openers: string[];
  /** Stand for the last thing asked about: "when does it end?", "is that at the VA?". */
  things: string[];
  /** Stands for the last place: "who else is there?". */
  places: string[];
  /** Stand for the last person asked about: "what is she on in May?", "and her?". */
  people: string[];
  /** Ask for the count of the last answer: "how many is that?". */
  count: string[];
  /** Ask for the members of the last answer: "which ones?", "who are they?", "list them". */
  detail: string[];
  /** Move the last question's time later or earlier: "the month after", "the year before". */
  later: string[];
  earlier: string[];
  /** The units such a move counts in. */
  units: Record<string, 'day' | 'week' | 'month' | 'year'>;
  /** "is there a …", "are there any …": "there" that asks whether something exists, not where. */
  existential: string[];
  /** Pick one of the readings the bot offered: "the first one", "the second", "the last". */
  ordinals: Record<string, number>;
  /** Words that carry nothing of their own in a short follow-up ("the", "in", "one"…). */
  connectors: string[];
}

export const FOLLOW_UP_WORDS: FollowUpWords = {
  openers: [
    'and',
    'and what about',
    'and how about',
    'what about',
    'how about',
    'what of',
    'also',
    'same for',
    'same question for',
    'same with',
    'ok and',
    'okay and',
    'then',
  ],
  things: ['it', 'that', 'this', 'those', 'these', 'them', 'they', 'ones'],
  places: ['there'],
  people: ['he', 'she', 'him', 'her', 'his', 'hers', 'they', 'them'],
  count: ['how many', 'how much', 'count', 'number'],
  detail: ['which ones', 'which', 'who are they', 'who is that', 'list them', 'name them', 'who'],
  later: ['after', 'following', 'later'],
  earlier: ['before', 'previous', 'prior', 'earlier'],
  units: {
    day: 'day',
    days: 'day',
    week: 'week',
    weeks: 'week',
    month: 'month',
    months: 'month',
    year: 'year',
    years: 'year',
  },
  existential: ['a', 'an', 'any', 'some', 'no', 'many', 'much', 'more'],
  ordinals: { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, last: -1, latter: -1, former: 1 },
  connectors: [
    'the',
    'a',
    'an',
    'in',
    'on',
    'at',
    'for',
    'of',
    'one',
    'ones',
    'then',
    'please',
    'ok',
    'okay',
    'so',
    'and',
    'also',
    'too',
    'with',
  ],
};
