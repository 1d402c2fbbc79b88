import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, validateKnowledge } from '../../src/knowledge/load.js';
import { MAX_FILE_BYTES, MAX_FILE_LINES } from '../../src/knowledge/yaml-file.js';
import { InvalidFileError } from '../../src/problem.js';
import { brokenCopy, editFile, errorsAt, FIXTURES, lineOf, replaceOnce } from './helpers.js';

const copy = brokenCopy();
const { failing, at } = copy;

describe('a broken knowledge file gives located problems', () => {
  it('an empty file', async () => {
    await writeFile(join(copy.dir, 'procedures.yaml'), '');
    const [p] = errorsAt(await failing(), at('procedures.yaml', 1));
    expect(p?.problem).toMatch(/empty/);
  });

  it('a file of comments only is empty too', async () => {
    await writeFile(join(copy.dir, 'training.yaml'), '# nothing here yet\n');
    expect(errorsAt(await failing(), at('training.yaml', 1))[0]?.problem).toMatch(/empty/);
  });

  it('malformed YAML, at the line where it breaks', async () => {
    const text = await editFile(copy.dir, 'procedures.yaml', (t) =>
      replaceOnce(t, '    name: Cryoablation\n', '    name: Cryoablation: and: more\n'),
    );
    const problems = await failing();
    const line = lineOf(text, 'name: Cryoablation: and');
    expect(errorsAt(problems, at('procedures.yaml', line))[0]?.problem).toMatch(/YAML cannot be read/);
  });

  it('a line indented too far is one plain message at its line, with the indent to use', async () => {
    const text = await editFile(copy.dir, 'rotations.yaml', (t) =>
      replaceOnce(t, '    group: icu\n', '      group: icu\n'),
    );
    const line = lineOf(text, '      group: icu');
    const problems = (await failing()).filter((p) => p.location.startsWith(join(copy.dir, 'rotations.yaml')));
    expect(problems).toEqual([
      expect.objectContaining({
        location: at('rotations.yaml', line),
        problem: expect.stringMatching(/^this line is indented 6 spaces, further than the line above it/),
        fix: expect.stringMatching(/^indent it 4 spaces/),
      }),
    ]);
  });

  it('a line indented too little is one plain message at its line, with the indent to use', async () => {
    const text = await editFile(copy.dir, 'rotations.yaml', (t) =>
      replaceOnce(t, '    group: icu\n', '   group: icu\n'),
    );
    const line = lineOf(text, '   group: icu');
    const problems = (await failing()).filter((p) => p.location.startsWith(join(copy.dir, 'rotations.yaml')));
    expect(problems).toEqual([
      expect.objectContaining({
        location: at('rotations.yaml', line),
        problem: 'this line is indented 3 spaces, which lines it up with no line above it',
        fix: expect.stringMatching(/^indent it 4 spaces/),
      }),
    ]);
    expect(problems[0]!.problem).not.toMatch(/mapping|sequence|indicator/i);
  });

  it('a tab in the indentation is named as a tab', async () => {
    const text = await editFile(copy.dir, 'rotations.yaml', (t) =>
      replaceOnce(t, '    group: icu\n', '\tgroup: icu\n'),
    );
    const line = lineOf(text, '\tgroup: icu');
    const problems = (await failing()).filter((p) => p.location.startsWith(join(copy.dir, 'rotations.yaml')));
    expect(problems).toEqual([
      expect.objectContaining({
        location: at('rotations.yaml', line),
        problem: 'this line is indented with a tab',
      }),
    ]);
  });

  it('a duplicate id points at the second entry and names the first', async () => {
    const text = await editFile(copy.dir, 'procedures.yaml', (t) =>
      replaceOnce(t, '  - id: microwave-ablation\n', '  - id: cryoablation\n'),
    );
    const first = lineOf(text, '- id: cryoablation');
    const second = lineOf(text, '- id: cryoablation', first);
    const [p] = errorsAt(await failing(), at('procedures.yaml', second));
    expect(p?.problem).toContain('"cryoablation"');
    expect(p?.problem).toContain(`line ${first}`);
  });

  it('a duplicate key in one entry', async () => {
    const text = await editFile(copy.dir, 'program.yaml', (t) =>
      replaceOnce(t, '  time_zone: America/New_York\n', '  time_zone: America/New_York\n  time_zone: UTC\n'),
    );
    const [p] = errorsAt(await failing(), at('program.yaml', lineOf(text, 'time_zone: UTC')));
    expect(p?.problem).toMatch(/twice/);
  });

  it('an unknown key, with did-you-mean and the allowed keys', async () => {
    const text = await editFile(copy.dir, 'rotations.yaml', (t) =>
      replaceOnce(t, '    labels:\n', '    lables:\n'),
    );
    const problems = await failing();
    const [p] = errorsAt(problems, at('rotations.yaml', lineOf(text, 'lables:')));
    expect(p?.problem).toMatch(/unknown key "lables"/);
    expect(p?.fix).toMatch(/did you mean "labels"/);
    expect(p?.fix).toMatch(/allowed keys here: id, name, group/);
    // The entry now lacks its labels: that is reported at the entry.
    const entry = lineOf(text, '- id: ir-duke');
    expect(errorsAt(problems, at('rotations.yaml', entry))[0]?.problem).toMatch(/"labels" is missing/);
  });

  it('a wrong type names the path inside the entry', async () => {
    const text = await editFile(copy.dir, 'program.yaml', (t) =>
      replaceOnce(t, 'procedures_per_month: 700', 'procedures_per_month: about seven hundred'),
    );
    const [p] = errorsAt(await failing(), at('program.yaml', lineOf(text, 'procedures_per_month:')));
    expect(p?.problem).toMatch(/program → volume → procedures_per_month/);
    expect(p?.fix).toMatch(/number/);
  });

  it('a locale that is not a locale tag names the line and an example', async () => {
    const text = await editFile(copy.dir, 'program.yaml', (t) =>
      replaceOnce(t, 'locale: en-US', 'locale: american'),
    );
    const problems = errorsAt(await failing(), at('program.yaml', lineOf(text, 'locale: american')));
    expect(problems.map((p) => `${p.problem} — ${p.fix}`).join('\n')).toMatch(/en-US/);
  });

  it('a number where text is expected suggests quotes', async () => {
    const text = await editFile(copy.dir, 'procedures.yaml', (t) =>
      replaceOnce(t, '      - Y90\n', '      - Y90\n      - 90\n'),
    );
    const [p] = errorsAt(await failing(), at('procedures.yaml', lineOf(text, '      - 90')));
    expect(p?.problem).toMatch(/item 1 \(id y90-radioembolization\) → aliases → item 2/);
    expect(p?.fix).toBe('write it in quotes: "90"');
  });

  it('a malformed id', async () => {
    const text = await editFile(copy.dir, 'training.yaml', (t) =>
      replaceOnce(t, '  - id: r4\n', '  - id: R 4\n'),
    );
    const [p] = errorsAt(await failing(), at('training.yaml', lineOf(text, 'id: R 4')));
    expect(p?.problem).toMatch(/kebab-case/);
  });

  it.each([
    [
      'procedures.yaml',
      '    category: trauma\n',
      '    category: traumatology\n',
      'traumatology',
      /oncologic-therapies/,
    ],
    ['rotations.yaml', '    site: durham-va\n', '    site: va-hospital\n', 'va-hospital', /duke, durham-va/],
    ['rotations.yaml', '    group: icu\n', '    group: intensive\n', 'group: intensive', /surgical-oncology/],
    [
      'referrals.yaml',
      '      - pediatric-radiology\n',
      '      - peds-radiology\n',
      'peds-radiology',
      /pediatric-radiology/,
    ],
    ['training.yaml', '      - group: dr\n', '      - group: diagnostic\n', 'group: diagnostic', /\bdr\b/],
  ])('a dangling reference in %s (%s)', async (file, from, to, needle, valid) => {
    const text = await editFile(copy.dir, file, (t) => replaceOnce(t, from, to));
    const [p] = errorsAt(await failing(), at(file, lineOf(text, needle)));
    expect(p?.problem).toMatch(/is not one of/);
    expect(p?.fix).toMatch(valid);
  });

  it('the same alias on two procedures names both lines', async () => {
    const text = await editFile(copy.dir, 'procedures.yaml', (t) =>
      replaceOnce(t, '      - MWA\n', '      - MWA\n      - cryo\n'),
    );
    const first = lineOf(text, '      - cryo', lineOf(text, 'id: cryoablation'));
    const second = lineOf(text, '      - cryo', lineOf(text, 'id: microwave-ablation'));
    const [p] = errorsAt(await failing(), at('procedures.yaml', Math.max(first, second)));
    expect(p?.problem).toContain(`line ${Math.min(first, second)}`);
    expect(p?.problem).toMatch(/cryoablation/);
    expect(p?.problem).toMatch(/microwave-ablation/);
  });

  it('an alias that differs only by case and punctuation still clashes', async () => {
    const text = await editFile(copy.dir, 'procedures.yaml', (t) =>
      replaceOnce(t, '      - MWA\n', '      - MWA\n      - Port-A-Cath\n'),
    );
    const added = lineOf(text, 'Port-A-Cath');
    const [p] = errorsAt(await failing(), at('procedures.yaml', lineOf(text, '- port-a-cath')));
    expect(p?.problem).toContain(`line ${added}`);
    expect(p?.problem).toMatch(/microwave-ablation/);
  });

  it('a procedure named with a generic word for excluded work', async () => {
    const text = await editFile(copy.dir, 'procedures.yaml', (t) =>
      replaceOnce(t, '      - PTBD\n', '      - PTBD\n      - drainage\n'),
    );
    const [p] = errorsAt(await failing(), at('procedures.yaml', lineOf(text, '      - drainage')));
    expect(p?.problem).toMatch(/drainages/);
  });

  it('a schedule label on two rotations', async () => {
    const text = await editFile(copy.dir, 'rotations.yaml', (t) =>
      replaceOnce(t, '      - DR-Neuro\n', '      - DR-Neuro\n      - surg-onc\n'),
    );
    const problems = await failing();
    const neuro = lineOf(text, '      - surg-onc');
    const surgOnc = lineOf(text, '      - Surg Onc');
    const [p] = errorsAt(problems, at('rotations.yaml', surgOnc));
    expect(p?.problem).toContain(`line ${neuro}`);
    expect(p?.problem).toMatch(/dr-neuro/);
  });

  it('months of a year that do not add up to 12', async () => {
    const text = await editFile(copy.dir, 'training.yaml', (t) =>
      replaceOnce(t, '      - group: ir\n        months: 5\n', '      - group: ir\n        months: 6\n'),
    );
    const line = lineOf(text, '    months:', lineOf(text, 'id: r4'));
    expect(errorsAt(await failing(), at('training.yaml', line))[0]?.problem).toMatch(/add up to 13/);
  });
});

describe('hostile knowledge files are refused, never run or expanded', () => {
  const hostile = async (fixture: string) => {
    await copyFile(join(FIXTURES, fixture), join(copy.dir, 'faq.yaml'));
    return failing();
  };

  it('a !!js/function tag', async () => {
    const [p] = errorsAt(await hostile('custom-tag.yaml'), at('faq.yaml', 7));
    expect(p?.problem).toMatch(/custom YAML tags/);
  });

  it('a local !foo tag', async () => {
    const [p] = errorsAt(await hostile('local-tag.yaml'), at('faq.yaml', 5));
    expect(p?.problem).toMatch(/custom YAML tags/);
  });

  it('an alias bomb', async () => {
    const [p] = errorsAt(await hostile('alias-bomb.yaml'), at('faq.yaml', 5));
    expect(p?.problem).toMatch(/cannot be expanded/);
  });

  it('a list at the top level', async () => {
    expect(errorsAt(await hostile('top-level-list.yaml'), at('faq.yaml', 1))[0]?.problem).toMatch(
      /named sections/,
    );
  });

  it('two documents in one file', async () => {
    expect(errorsAt(await hostile('two-documents.yaml'), at('faq.yaml', 2))[0]?.problem).toMatch(
      /more than one/,
    );
  });

  it('deeply nested brackets', async () => {
    await writeFile(join(copy.dir, 'faq.yaml'), `faq: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(errorsAt(await failing(), at('faq.yaml', 1)).length).toBeGreaterThan(0);
  });

  it('a 1 MB file of 100,000 keys, refused before it is parsed', async () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `  key${i}: value\n`).join('');
    await writeFile(join(copy.dir, 'faq.yaml'), `faq: []\nprogram:\n${keys}`);
    expect(errorsAt(await failing(), at('faq.yaml', 1))[0]?.problem).toMatch(/too large .*limit is/);
  });

  it('a file of more lines than the limit, though small in bytes', async () => {
    await writeFile(join(copy.dir, 'faq.yaml'), `faq: []\n${'\n'.repeat(MAX_FILE_LINES)}`);
    expect(errorsAt(await failing(), at('faq.yaml', 1))[0]?.problem).toMatch(
      new RegExp(`too large \\(\\d+ lines; the limit is ${MAX_FILE_LINES} lines\\)`),
    );
  });

  it('a repeated key among thousands, found on its line', async () => {
    const keys = Array.from({ length: 3_000 }, (_, i) => `  k${i}: v\n`).join('');
    await writeFile(join(copy.dir, 'faq.yaml'), `faq: []\nextra:\n${keys}  k1500: again\n`);
    const problems = errorsAt(await failing(), at('faq.yaml', 3_003));
    expect(problems.map((p) => p.problem)).toEqual(['this key appears twice in the same entry']);
  });

  it('a file over the byte limit', async () => {
    await writeFile(join(copy.dir, 'faq.yaml'), `faq: []\n${'# padding\n'.repeat(MAX_FILE_BYTES / 10 + 1)}`);
    expect(errorsAt(await failing(), at('faq.yaml', 1))[0]?.problem).toMatch(/too large/);
  });
});

describe('the folder', () => {
  it('a missing file is one problem naming it', async () => {
    await rm(join(copy.dir, 'training.yaml'));
    const problems = (await failing()).filter((p) => p.location.includes('training.yaml'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.location).toBe(join(copy.dir, 'training.yaml'));
    expect(problems[0]!.problem).toMatch(/missing/);
  });

  it('an unknown extra YAML file is only a warning', async () => {
    await writeFile(join(copy.dir, 'notes.yaml'), 'anything: 1\n');
    const { knowledge, problems } = await validateKnowledge(copy.dir);
    expect(knowledge).not.toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', location: at('notes.yaml', 1) }),
    ]);
  });

  it('a folder that does not exist is a problem, not a crash', async () => {
    const { knowledge, problems } = await validateKnowledge(join(copy.dir, 'nope'));
    expect(knowledge).toBeNull();
    expect(problems[0]?.location).toBe(join(copy.dir, 'nope'));
  });

  it('loadKnowledge throws InvalidFileError with every error found', async () => {
    await writeFile(join(copy.dir, 'faq.yaml'), '');
    await editFile(copy.dir, 'rotations.yaml', (t) => replaceOnce(t, '    labels:\n', '    lables:\n'));
    const error = await loadKnowledge(copy.dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidFileError);
    const files = (error as InvalidFileError).problems.map((p) => p.location.split(':')[0]);
    expect(files).toContain(join(copy.dir, 'faq.yaml'));
    expect(files).toContain(join(copy.dir, 'rotations.yaml'));
    expect((error as InvalidFileError).message).toMatch(/faq\.yaml:1: .* — /);
  });

  it('uses the folder path as given in locations', async () => {
    const { problems } = await validateKnowledge('test/fixtures/no-such-knowledge');
    expect(problems[0]?.location).toBe('test/fixtures/no-such-knowledge');
  });
});
