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
});
