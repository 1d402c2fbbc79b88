/**
 * A large grid schedule for benchmarks and index tests: deterministic (seeded), with shared
 * first and last names so name lookups find several people, and empty cells here and there.
 * With `manySurnames`, half the surnames are made of three syllables instead, 2,000 in all, as
 * a large program has thousands of surnames for typo correction to search; with
 * `distinctSurnames`, every resident's surname is their own (syllables spelling their row).
 */

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dev', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jun', 'Kofi', 'Lena'];
const LAST = [
  'Okafor',
  'Ng',
  'Dupré',
  'Patel',
  'García',
  'Kim',
  "O'Neil",
  'Smith-Jones',
  'Novak',
  'Haddad',
  'Larsen',
  'Mensah',
  'Ito',
];
const SYLLABLES = [
  [
    'Bra',
    'Cor',
    'Dal',
    'Fen',
    'Gar',
    'Hol',
    'Kes',
    'Lun',
    'Mor',
    'Nav',
    'Per',
    'Quin',
    'Ros',
    'Sal',
    'Tor',
    'Val',
    'Wes',
    'Yar',
    'Zel',
    'Ab',
  ],
  ['an', 'el', 'ov', 'ir', 'um', 'ak', 'et', 'os', 'ur', 'ib'],
  ['ski', 'sen', 'ton', 'dez', 'ova', 'ley', 'ric', 'mann', 'ard', 'ik'],
];
const LABELS = ['IR', 'IR-VA', 'ICU', 'Surg Onc', 'Research', 'Elective', 'DR-Body', 'DR-Chest', 'DR-Neuro'];

/** A tiny linear congruential generator: the same fixture on every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A surname no other row has: the row's number spelt in the first syllables, base 20. */
function ownSurname(row: number): string {
  const [first] = SYLLABLES;
  let name = '';
  let n = row;
  do {
    name += first![n % first!.length]!.toLowerCase();
    n = Math.floor(n / first!.length);
  } while (n > 0);
  return `${name[0]!.toUpperCase()}${name.slice(1)}son`;
}

export function generateScheduleCsv(
  residents: number,
  months: string[],
  seed = 42,
  { manySurnames = false, distinctSurnames = false } = {},
): string {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const lines = [['email', 'name', 'level', 'slack_id', ...months].join(',')];
  for (let i = 0; i < residents; i += 1) {
    const last = distinctSurnames
      ? ownSurname(i)
      : manySurnames && random() < 0.5
        ? SYLLABLES.map(pick).join('')
        : pick(LAST);
    const name = `${pick(FIRST)} ${last}`;
    const cells = months.map(() => (random() < 0.05 ? '' : pick(LABELS)));
    const slackId = i % 10 === 0 ? `U${String(i).padStart(8, '0')}` : '';
    lines.push([`resident${i}@example.edu`, `"${name}"`, `R${1 + (i % 5)}`, slackId, ...cells].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Consecutive months from a start month: monthsFrom('2025-07', 36). */
export function monthsFrom(start: string, count: number): string[] {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const m = month + i;
    return `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}
