import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** `rotabot ask --jsonl … | head -1`: the reader leaves early; the batch ends quietly, not with a stack. */
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('a reader that closes the pipe early', () => {
  it('ends the run with status 0 and nothing on stderr', async () => {
    const child = spawn(process.execPath, [join(root, 'bin', 'rotabot.js'), 'ask', '--jsonl'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const lines = Array.from({ length: 2_000 }, (_, i) =>
      JSON.stringify({ id: `q${i}`, text: 'does IR do TIPS?' }),
    );
    child.stdin.end(`${lines.join('\n')}\n`);
    // Read the first answer, then close our end, as head does.
    const first = await new Promise<string>((resolve) => {
      child.stdout.once('data', (d: Buffer) => {
        child.stdout.destroy();
        resolve(d.toString());
      });
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(first).toContain('"id":"q0"');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 90_000);
});
