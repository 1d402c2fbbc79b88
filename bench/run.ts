import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: runs each benchmark module that exists, in turn, and prints its figures.
 * Benchmarks never assert: they report, and a failing one is reported and skipped.
 */

export type Report = (line: string) => void;

const MODULES = ['core', 'answers', 'conversation', 'schedule', 'whois', 'slack', 'teams', 'reply', 'server'];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`rotabot benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  for (const name of MODULES) {
    if (only.length && !only.includes(name)) continue;
    const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
    if (!existsSync(file)) {
      console.log(`\n${name}: (no bench/${name}.ts yet)`);
      continue;
    }
    console.log(`\n${name}`);
    const started = performance.now();
    try {
      const module = (await import(`./${name}.ts`)) as { bench: (report: Report) => Promise<void> };
      await module.bench((line) => console.log(`  ${line}`));
      console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      console.log(`  failed: ${(error as Error).stack ?? String(error)}`);
    }
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
