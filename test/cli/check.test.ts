import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rotabot-check-'));
  cpSync('knowledge', dir, { recursive: true });
  return dir;
}

describe('rotabot check', () => {
  it('passes the shipped knowledge base and sample schedule', async () => {
    const { code, out } = await runCli(['check']);
    expect(code).toBe(0);
    expect(out).toMatch(/OK/);
  });

  it('points at the file and line a coordinator broke, with the fix, and exits 1', async () => {
    const dir = copyKnowledge();
    const file = join(dir, 'procedures.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => /^\s+category: complex-hepatobiliary\s*$/.test(l));
    lines[at] = lines[at]!.replace('complex-hepatobiliary', 'hepatobilary');
    writeFileSync(file, lines.join('\n'));
    const { code, err } = await runCli(['check', '--knowledge', dir]);
    expect(code).toBe(1);
    expect(err).toContain(`${file}:${at + 1}: `);
    expect(err).toMatch(/hepatobilary.*— .*complex-hepatobiliary/);
  });

  it('reports schedule problems with row and column, and unknown labels as warnings', async () => {
    const dir = copyKnowledge();
    const csv = join(dir, 'bad.csv');
    writeFileSync(
      csv,
      'email,name,level,2026-07,2026-08\nnot-an-email,Pat Doe,R4,IR,ICU\nok@example.edu,Sam Doe,R4,IR,Basket Weaving\n',
    );
    const { code, out, err } = await runCli(['check', '--knowledge', dir, '--schedule', csv]);
    expect(code).toBe(1);
    expect(err).toContain(`${csv}: row 2, column A (header "email"): `);
    expect(out).toMatch(/warning: .*Basket Weaving/);
  });

  it('warns about levels and sites the program does not have, naming the cell', async () => {
    const dir = copyKnowledge();
    const grid = join(dir, 'levels.csv');
    writeFileSync(
      grid,
      'email,name,level,2026-07\na@example.edu,Ann Lee,R6,IR\nb@example.edu,Bo Ng,R6,IR\nc@example.edu,Cy Oh,PGY-7,IR\nd@example.edu,Di Park,r4,IR\ne@example.edu,Ed Quinn,PGY 6,IR\n',
    );
    const first = await runCli(['check', '--knowledge', dir, '--schedule', grid]);
    expect(first.code).toBe(0);
    const warnings = first.out.split('\n').filter((l) => l.includes('warning: the level'));
    expect(warnings).toEqual([
      expect.stringContaining(
        `${grid}: row 2, column C (header "level"): warning: the level "R6" is not a training year the program has (2 cells)`,
      ),
      expect.stringContaining(`${grid}: row 4, column C (header "level"): warning: the level "PGY-7"`),
    ]);

    const long = join(dir, 'sites.csv');
    writeFileSync(
      long,
      'email,name,level,start,end,rotation,site\na@example.edu,Ann Lee,R4,2026-07-01,2026-07-31,IR,Mayo\na@example.edu,Ann Lee,R4,2026-08-01,2026-08-31,IR,durham va\n',
    );
    const second = await runCli(['check', '--knowledge', dir, '--schedule', long]);
    expect(second.code).toBe(0);
    expect(second.out).toContain(
      `${long}: row 2, column G (header "site"): warning: the site "Mayo" is not one the program has`,
    );
    expect(second.out).not.toContain('"durham va"');
  });
});
