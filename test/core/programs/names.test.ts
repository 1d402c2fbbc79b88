import { describe, expect, it } from 'vitest';
import { rolesOf } from '../../../src/knowledge/roles.js';
import { PROGRAMS } from './load.js';

// Every name a coordinator wrote is understood as the entry it names, in every program folder.
describe.each(PROGRAMS.map((p) => [p.folder, p] as const))('%s: every name is understood', (_, p) => {
  const { knowledge: k, ask } = p;
  const short = rolesOf(k).short;

  // A folder without procedures.yaml or referrals.yaml (the template) has no such names.
  describe.skipIf(k.procedures.length === 0)('procedures.yaml', () => {
    it('resolves each procedure by its name and every alias', () => {
      const misses = k.procedures.flatMap((x) =>
        [x.name, ...x.aliases].flatMap((name) => {
          const u = ask(`does ${short} do ${name}?`).understanding;
          return u.refs.procedure.includes(x.id)
            ? []
            : [`${name} → ${u.refs.procedure.join(',') || u.intent}`];
        }),
      );
      expect(misses).toEqual([]);
    });

    it('resolves each category by its name and aliases', () => {
      const misses = k.categories.flatMap((c) =>
        [c.name, ...c.aliases].flatMap((name) => {
          const a = ask(`which ${name} procedures does ${short} do`);
          // A category named like one of its procedures may answer as that procedure.
          const ok = a.understanding.refs.category.includes(c.id) || a.intent === 'procedure.does';
          return ok ? [] : [`${name} → ${a.intent}`];
        }),
      );
      expect(misses).toEqual([]);
    });
  });

  describe.skipIf(k.exclusions.length === 0)('referrals.yaml', () => {
    it('resolves each referral by its name and every alias, answered No for the program', () => {
      const misses = k.exclusions.flatMap((x) =>
        [x.name, ...x.aliases].flatMap((name) => {
          const a = ask(`does ${k.program.name} do ${name}?`);
          return a.factIds.includes(x.id) && a.verdict === 'no' ? [] : [`${name} → ${a.verdict}: ${a.text}`];
        }),
      );
      expect(misses).toEqual([]);
    });
  });

  it('resolves each rotation by its name, labels and aliases', () => {
    const misses = k.rotations.flatMap((r) =>
      [r.name, ...r.labels, ...r.aliases].flatMap((name) => {
        const u = ask(`who is on ${name} next month?`).understanding;
        const found = u.refs.rotation.includes(r.id) || u.refs.group.includes(r.group);
        return found ? [] : [`${name} → ${[...u.refs.rotation, ...u.refs.group].join(',') || u.intent}`];
      }),
    );
    expect(misses).toEqual([]);
  });

  it('resolves each rotation group and site by its name and aliases', () => {
    const misses = [
      ...k.groups.flatMap((g) =>
        [g.name, ...g.aliases].flatMap((name) =>
          ask(`tell me about ${name}`).understanding.refs.group.includes(g.id) ? [] : [`group ${name}`],
        ),
      ),
      ...k.program.sites.flatMap((s) =>
        [s.name, ...(s.short_name ? [s.short_name] : []), ...s.aliases].flatMap((name) =>
          ask(`who is at ${name} next month?`).understanding.refs.site.includes(s.id) ? [] : [`site ${name}`],
        ),
      ),
    ];
    expect(misses).toEqual([]);
  });

  it('resolves each training year by its level and aliases', () => {
    const misses = k.training.years.flatMap((y) =>
      [y.level, ...y.aliases].flatMap((name) =>
        ask(`what is ${name} like?`).understanding.refs.year.includes(y.id) ? [] : [name],
      ),
    );
    expect(misses).toEqual([]);
  });
});
