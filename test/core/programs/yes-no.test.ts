import { describe, expect, it } from 'vitest';
import { normalizeAlias } from '../../../src/knowledge/cross-check.js';
import { rolesOf } from '../../../src/knowledge/roles.js';
import { PROGRAMS, verdict } from './load.js';

// Yes and No come from the program's own files, and something they do not list gets neither.
describe.each(PROGRAMS.map((p) => [p.folder, p] as const))('%s: yes/no honesty', (_, p) => {
  const { knowledge: k, schedule, ask } = p;
  const roles = rolesOf(k);
  const resident = schedule.residents[0]!;
  const division = (id: string) => k.divisions.find((d) => d.id === id)!;

  // A folder without procedures.yaml (the template) has no procedure to say Yes to.
  describe.skipIf(k.procedures.length === 0)('procedures.yaml', () => {
    it('says Yes for every listed procedure, with its category', () => {
      expect(k.procedures.length).toBeGreaterThan(0);
      for (const x of k.procedures) {
        const a = ask(`Does ${roles.short} do ${x.aliases[0] ?? x.name}?`);
        expect(verdict(a), x.id).toBe('Yes');
        expect(a.factIds).toContain(x.id);
        const category = k.categories.find((c) => c.id === x.category)!;
        expect(a.text.toLowerCase()).toContain(category.name.toLowerCase());
      }
    });

    it('gives no verdict to a question that is not yes or no', () => {
      for (const text of [`${k.procedures[0]!.name}?`, `tell me about ${k.procedures[0]!.name}`])
        expect(['Yes', 'No']).not.toContain(verdict(ask(text)));
    });
  });

  // A folder without referrals.yaml (the template) has no referral to say No to.
  describe.skipIf(k.exclusions.length === 0)('referrals.yaml', () => {
    it('says No for work the program refers elsewhere, naming the divisions that do it', () => {
      expect(k.exclusions.length).toBeGreaterThan(0);
      for (const x of k.exclusions) {
        const a = ask(`can ${k.program.name} do ${x.name.toLowerCase()}?`);
        expect(verdict(a), x.id).toBe('No');
        for (const id of x.done_by) expect(a.text.toLowerCase()).toContain(division(id).name.toLowerCase());
      }
    });

    it('says Yes when the division that does the work is the subject, by its name or its rotation group', () => {
      for (const x of k.exclusions) {
        const d = division(x.done_by[0]!);
        expect(verdict(ask(`does ${d.name} do ${x.name.toLowerCase()}?`)), `${d.name}: ${x.id}`).toBe('Yes');
      }
      const grouped = k.divisions.filter((d) => d.group);
      expect(grouped.length).toBeGreaterThan(0);
      for (const d of grouped) {
        const group = k.groups.find((g) => g.id === d.group)!;
        const groupName = group.short_name ?? group.name;
        for (const x of k.exclusions) {
          const a = ask(`does ${groupName} do ${x.name.toLowerCase()}?`);
          const holds = x.done_by.some((id) => division(id).group === group.id);
          expect(verdict(a), `${groupName}: ${x.id}`).toBe(holds ? 'Yes' : 'No');
        }
      }
    });

    it('says residents do referred work only where the referral says they do', () => {
      for (const x of k.exclusions) {
        const a = ask(`will I do ${x.name.toLowerCase()}?`, { as: resident.email });
        expect(verdict(a), x.id).toBe(x.residents_do ? 'Yes' : 'No');
      }
    });
  });

  // Without procedures.yaml the bot lists no work and says Yes to none: the coordinator is named.
  describe.skipIf(k.procedures.length > 0)('no procedures.yaml', () => {
    it('describes the program without promising areas of work it does not list', () => {
      for (const text of [`what does ${roles.short} do?`, `what procedures does ${roles.short} do?`]) {
        const a = ask(text);
        expect(a.intent, text).toBe('program.overview');
        expect(a.text, text).toContain(k.program.summary.split('. ')[0]);
        expect(a.text, text).not.toMatch(/these areas/);
        expect(a.items ?? [], text).toEqual([]);
      }
    });

    it('says neither Yes nor No to a procedure, naming whom to ask', () => {
      for (const term of ['biopsies', 'a CT scan', 'drainages']) {
        const a = ask(`does ${roles.short} do ${term}?`);
        expect(['Yes', 'No'], term).not.toContain(verdict(a));
        expect(a.unanswered, term).toBe(true);
        expect(a.text.toLowerCase(), term).toContain(k.program.contact.name.toLowerCase());
      }
    });
  });

  it('answers whom the program treats from program.yaml', () => {
    const patients = k.program.patients;
    expect(verdict(ask(`Does ${roles.short} treat pediatric patients?`))).toBe(
      patients.pediatric ? 'Yes' : 'No',
    );
    expect(verdict(ask(`Does ${roles.short} see adults?`))).toBe(patients.adult ? 'Yes' : 'No');
  });

  it('says which years are identical to another residency, and which are not', () => {
    for (const y of k.training.years) {
      const target = y.same_as ?? [...roles.sameAs][0];
      const group = k.groups.find((g) => g.id === (target ?? roles.specialty?.id))!;
      const a = ask(`Is ${y.level} the same as ${group.short_name ?? group.name} residency?`);
      expect(verdict(a), y.level).toBe(y.same_as === group.id ? 'Yes' : 'No');
    }
  });
});

describe.each(PROGRAMS.map((p) => [p.folder, p] as const))(
  '%s: unlisted things are answered honestly',
  (_, p) => {
    const { knowledge: k, ask } = p;
    const roles = rolesOf(k);
    const contact = k.program.contact.name.toLowerCase();
    const named = new Set(
      [...k.procedures, ...k.exclusions, ...k.categories]
        .flatMap((x) => [x.name, ...x.aliases])
        .map(normalizeAlias),
    );

    it('gives neither Yes nor No for a procedure the files do not list, and names whom to ask', () => {
      for (const term of ['kyphoplasty', 'vertebroplasty', 'lithotripsy']) {
        expect(named.has(term), term).toBe(false);
        const a = ask(`does ${roles.short} do ${term}?`);
        expect(['Yes', 'No'], term).not.toContain(verdict(a));
        expect(a.unanswered, term).toBe(true);
        expect(a.text.toLowerCase()).toContain(contact);
      }
    });

    it('says it does not know what the files do not cover (call, leave, parking), naming whom to ask', () => {
      for (const text of [
        'how much vacation do we get?',
        'what is the parking situation',
        'what is the dress code?',
      ]) {
        const a = ask(text);
        expect(a.unanswered, text).toBe(true);
        expect(['Yes', 'No'], text).not.toContain(verdict(a));
        expect(a.text.toLowerCase(), text).toContain(contact);
      }
    });
  },
);
