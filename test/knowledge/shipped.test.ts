import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeAlias } from '../../src/knowledge/cross-check.js';
import { loadKnowledge, validateKnowledge } from '../../src/knowledge/load.js';
import { createLabelResolver, describeRotation } from '../../src/knowledge/rotation-names.js';
import type { Knowledge } from '../../src/knowledge/schema.js';

// The program's own description, kept in the repository so the test reads no path outside it.
const DESCRIPTION = readFileSync('test/fixtures/program/ir-clinical-rotations.txt', 'utf8');

let k: Knowledge;
/** Every procedure name and alias, normalised, to its procedure. */
let procedureByName: Map<string, Knowledge['procedures'][number]>;

beforeAll(async () => {
  k = await loadKnowledge('knowledge');
  procedureByName = new Map();
  for (const p of k.procedures) {
    for (const n of [p.name, ...p.aliases]) procedureByName.set(normalizeAlias(n), p);
  }
});

describe('the shipped knowledge base', () => {
  it('validates with no problem at all, not even a warning', async () => {
    const { knowledge, problems } = await validateKnowledge('knowledge');
    expect(problems).toEqual([]);
    expect(knowledge).not.toBeNull();
  });

  it('describes the program: unified adult and pediatric division, ~700 procedures a month, Eastern time, July', () => {
    expect(k.program.institution).toBe('Duke University Medical Center');
    expect(k.program.patients).toMatchObject({ adult: true, pediatric: true, unified: true });
    expect(k.program.volume).toMatchObject({ procedures_per_month: 700, approximate: true });
    expect(DESCRIPTION).toContain(`approximately ${k.program.volume.procedures_per_month}`);
    expect(k.program.time_zone).toBe('America/New_York');
    expect(k.program.academic_year_start_month).toBe(7);
    expect(k.program.contact.name).toMatch(/coordinator/);
    // No invented addresses: the description gives none.
    expect(k.program.contact.email).toBeUndefined();
  });

  it('knows the Durham VA is across the street and fully covered by Duke IR', () => {
    const va = k.program.sites.find((s) => s.aliases.includes('VA'));
    expect(va?.id).toBe('durham-va');
    expect(va?.description).toMatch(/across the street/);
    expect(va?.description).toMatch(/full coverage/);
    expect(va?.description).toMatch(/all procedures/);
    const rotation = k.rotations.find((r) => r.site === va?.id);
    expect(rotation?.reminder).toMatch(/across the street/);
  });

  it('has the nine categories of the description, each with procedures', () => {
    expect(k.categories).toHaveLength(9);
    const text = normalizeAlias(DESCRIPTION);
    for (const c of k.categories) {
      const names = [c.name, ...c.aliases].map(normalizeAlias);
      expect(
        names.some((n) => text.includes(n)),
        `${c.id} is named in the description`,
      ).toBe(true);
      expect(
        k.procedures.filter((p) => p.category === c.id).length,
        `${c.id} has procedures`,
      ).toBeGreaterThan(0);
    }
  });

  it.each([
    ['selective internal radiotherapy', 'oncologic-therapies'],
    ['y90 radioembolization', 'oncologic-therapies'],
    ['microwave', 'oncologic-therapies'],
    ['cryoablation', 'oncologic-therapies'],
    ['bland embolization', 'oncologic-therapies'],
    ['chemoembolization', 'oncologic-therapies'],
    ['port placement', 'oncologic-therapies'],
    ['irreversible electroporation', 'oncologic-therapies'],
    ['uterine artery embolization', 'womens-health'],
    ['pelvic congestion syndrome', 'womens-health'],
    ['nerve blocks', 'womens-health'],
    ['aortic endoleak repair', 'complex-arterial-anatomy'],
    ['vascular malformations', 'complex-arterial-anatomy'],
    ['pulmonary avm', 'complex-arterial-anatomy'],
    ['mesenteric ischemia', 'complex-arterial-anatomy'],
    ['mesenteric aneurysm', 'complex-arterial-anatomy'],
    ['peripheral vascular disease', 'complex-arterial-anatomy'],
    ['TIPS creation', 'complex-hepatobiliary'],
    ['percutaneous biliary drainage', 'complex-hepatobiliary'],
    ['portal vein recanalization', 'complex-hepatobiliary'],
    ['portal vein embolization', 'complex-hepatobiliary'],
    ['HeRO graft creation', 'complex-venous-access'],
    ['body floss', 'complex-venous-access'],
    ['central venous occlusion', 'complex-venous-access'],
    ['dialysis access', 'complex-venous-access'],
    ['gastrostomy', 'complex-enteric-access'],
    ['gastrojejunostomy', 'complex-enteric-access'],
    ['jejunostomy', 'complex-enteric-access'],
    ['prostate artery embolization', 'urologic'],
    ['access for percutaneous lithotripsy', 'urologic'],
    ['thoracic duct embolization', 'thoracic-duct-embolization'],
  ])('lists "%s" from the description under %s', (name, category) => {
    // "bland and chemoembolization": each word of the name is in the description.
    for (const word of normalizeAlias(name).split(' ')) expect(normalizeAlias(DESCRIPTION)).toContain(word);
    expect(procedureByName.get(normalizeAlias(name))?.category).toBe(category);
  });

  it.each([
    ['Y90', 'y90-radioembolization'],
    ['Y-90', 'y90-radioembolization'],
    ['yttrium-90', 'y90-radioembolization'],
    ['SIRT', 'y90-radioembolization'],
    ['TARE', 'y90-radioembolization'],
    ['radioembolisation', 'y90-radioembolization'],
    ['TACE', 'chemoembolization'],
    ['DEB-TACE', 'chemoembolization'],
    ['TAE', 'bland-embolization'],
    ['MWA', 'microwave-ablation'],
    ['cryo', 'cryoablation'],
    ['IRE', 'irreversible-electroporation'],
    ['NanoKnife', 'irreversible-electroporation'],
    ['port-a-cath', 'port-placement'],
    ['mediport', 'port-placement'],
    ['PowerPort', 'port-placement'],
    ['chest port', 'port-placement'],
    ['UAE', 'uterine-artery-embolization'],
    ['UFE', 'uterine-artery-embolization'],
    ['fibroid embolization', 'uterine-artery-embolization'],
    ['ovarian vein embolization', 'pelvic-congestion-syndrome'],
    ['endoleak embolization', 'aortic-endoleak-repair'],
    ['sclerotherapy', 'vascular-malformations'],
    ['PAVM', 'pulmonary-avm'],
    ['visceral aneurysm', 'mesenteric-aneurysm'],
    ['PAD', 'peripheral-vascular-disease'],
    ['angioplasty', 'peripheral-vascular-disease'],
    ['TIPSS', 'tips'],
    ['transjugular intrahepatic portosystemic shunt', 'tips'],
    ['PTBD', 'percutaneous-biliary-drainage'],
    ['biliary drain', 'percutaneous-biliary-drainage'],
    ['PVR', 'portal-vein-recanalization'],
    ['PVE', 'portal-vein-embolization'],
    ['HeRO', 'hero-graft-access'],
    ['fistulagram', 'dialysis-access'],
    ['declot', 'dialysis-access'],
    ['G-tube', 'gastrostomy'],
    ['feeding tube', 'gastrostomy'],
    ['PRG', 'gastrostomy'],
    ['GJ-tube', 'gastrojejunostomy'],
    ['J-tube', 'jejunostomy'],
    ['PAE', 'prostate-artery-embolization'],
    ['PCNL access', 'percutaneous-lithotripsy-access'],
    ['nephrolithotomy access', 'percutaneous-lithotripsy-access'],
    ['embolization for bleeding', 'trauma-embolization'],
    ['TDE', 'thoracic-duct-embolization'],
    ['chylothorax', 'thoracic-duct-embolization'],
    ['chyle leak', 'thoracic-duct-embolization'],
  ])('knows "%s" as %s', (alias, id) => {
    expect(procedureByName.get(normalizeAlias(alias))?.id).toBe(id);
  });

  it('gives no procedure a generic word for work IR does not do', () => {
    for (const word of ['drain', 'drainage', 'drains', 'biopsy', 'biopsies']) {
      expect(procedureByName.has(word), word).toBe(false);
    }
  });

  it('says biopsies and drainages are done by the four DR divisions, residents operating on abdominal radiology', () => {
    const divisionIds = k.divisions.map((d) => d.id);
    for (const name of [
      'abdominal imaging',
      'cardiothoracic imaging',
      'musculoskeletal imaging',
      'pediatric radiology',
    ]) {
      expect(DESCRIPTION).toContain(name);
      expect(k.divisions.some((d) => normalizeAlias(d.name) === name)).toBe(true);
    }
    for (const id of ['biopsies', 'drainages']) {
      const x = k.exclusions.find((e) => e.id === id)!;
      expect(x.done_by.sort()).toEqual([...divisionIds].sort());
      expect(x.text).toMatch(/primary operator/);
      expect(x.text).toMatch(/abdominal radiology rotations/);
    }
    // The exception: biliary drainage is IR's and is not an alias of the drainages.
    const drainages = k.exclusions.find((e) => e.id === 'drainages')!;
    expect(drainages.aliases.map(normalizeAlias)).not.toContain('biliary drainage');
    expect(procedureByName.get('biliary drainage')?.id).toBe('percutaneous-biliary-drainage');
  });

  it('describes the training years: R1–R3 as DR, R4 month by month, R5 all IR', () => {
    const year = (level: string) => k.training.years.find((y) => y.level === level)!;
    expect(k.training.residency.length_years).toBe(k.training.years.length);
    expect(k.training.years.map((y) => y.level)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    for (const level of ['R1', 'R2', 'R3']) expect(year(level).same_as).toBe('dr');
    const months = (level: string) => Object.fromEntries(year(level).months.map((m) => [m.group, m.months]));
    expect(months('R4')).toEqual({ ir: 5, dr: 4, icu: 1, 'surgical-oncology': 1, research: 1 });
    expect(year('R4').months.reduce((s, m) => s + m.months, 0)).toBe(12);
    expect(year('R4').options.join(' ')).toMatch(/clinical elective/);
    expect(months('R5')).toEqual({ ir: 12 });
    expect((months('R4').ir ?? 0) + (months('R5').ir ?? 0)).toBe(17);
    expect(
      k.training.years.filter((y) => y.months.some((m) => m.group === 'research')).map((y) => y.level),
    ).toEqual(['R4']);
    expect(year('R4').aliases).toContain('PGY-5');
  });

  it('resolves every schedule label of DESIGN.md to a distinct rotation', () => {
    const resolve = createLabelResolver(k.rotations);
    const labels = ['IR', 'IR-VA', 'ICU', 'Surg Onc', 'Research', 'Elective'];
    const dr = ['DR-Body', 'DR-Chest', 'DR-MSK', 'DR-Neuro', 'DR-Peds', 'DR-Nucs', 'DR-Mammo'];
    const ids = [...labels, ...dr].map((label) => resolve(label));
    expect(ids).not.toContain(null);
    expect(new Set(ids).size).toBe(ids.length);
    for (const label of dr) {
      expect(k.rotations.find((r) => r.id === resolve(label))?.group).toBe('dr');
    }
    expect(resolve('surg-onc')).toBe(resolve('SURG ONC'));
    expect(describeRotation(k, { rotationId: resolve('IR-VA'), label: 'IR-VA' }).text).toMatch(/Durham VA/);
    expect(describeRotation(k, { rotationId: resolve('IR'), label: 'IR' }).site?.id).toBe('duke');
    expect(k.rotations.find((r) => r.id === resolve('DR-Body'))?.reminder).toMatch(/biopsies and drainages/);
  });

  it('gives every training-month group a rotation a schedule can name', () => {
    const groups = new Set(k.rotations.map((r) => r.group));
    for (const y of k.training.years) for (const m of y.months) expect(groups.has(m.group)).toBe(true);
  });
});
