import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { rolesOf } from '../../src/knowledge/roles.js';
import { brokenCopy, editFile, errorsAt, lineOf, replaceOnce } from './helpers.js';

// The fields the answers read a program's names from: each validated with a plain message at its line.
const copy = brokenCopy();
const { failing, at } = copy;

describe('the fields program names are read from', () => {
  it('a division’s group that is not a rotation group names the groups to use', async () => {
    const text = await editFile(copy.dir, 'referrals.yaml', (t) =>
      replaceOnce(t, '    group: dr\n', '    group: dx\n'),
    );
    const [p] = errorsAt(await failing(), at('referrals.yaml', lineOf(text, 'group: dx')));
    expect(p?.problem).toBe('group "dx" is not one of the groups in rotations.yaml');
    expect(p?.fix).toMatch(/use one of: ir, dr, icu/);
  });

  it('residents_do is true or false', async () => {
    const text = await editFile(copy.dir, 'referrals.yaml', (t) =>
      replaceOnce(t, '    residents_do: true\n', '    residents_do: sometimes\n'),
    );
    const [p] = errorsAt(await failing(), at('referrals.yaml', lineOf(text, 'residents_do: sometimes')));
    expect(p?.problem).toMatch(/expects true or false/);
  });

  it('a site’s short name must not be empty', async () => {
    const text = await editFile(copy.dir, 'program.yaml', (t) =>
      replaceOnce(t, 'short_name: the VA', 'short_name: ""'),
    );
    const [p] = errorsAt(await failing(), at('program.yaml', lineOf(text, 'short_name: ""')));
    expect(p?.problem).toMatch(/must not be empty/);
  });

  it('roles follow the files: the specialty, the elective, the residency a year is identical to', async () => {
    const duke = rolesOf(await loadKnowledge(copy.dir));
    expect([duke.short, duke.specialty?.id, duke.elective?.id, [...duke.sameAs]]).toEqual([
      'IR',
      'ir',
      'elective',
      ['dr'],
    ]);
    expect(duke.divisionsOfGroup.get('dr')?.length).toBe(4);
    // Move the specialty role and drop the short names: the answers' names move with them.
    await editFile(copy.dir, 'rotations.yaml', (t) =>
      replaceOnce(
        replaceOnce(t, '    role: specialty\n', ''),
        '    short_name: DR\n',
        '    short_name: DR\n    role: specialty\n',
      ),
    );
    await editFile(copy.dir, 'program.yaml', (t) => replaceOnce(t, '  short_name: IR\n', ''));
    const moved = rolesOf(await loadKnowledge(copy.dir));
    expect(moved.specialty?.id).toBe('dr');
    expect(moved.short).toBe('IR'); // the first alias, when no short name is given
  });
});
