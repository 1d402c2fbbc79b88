/**
 * Before any test file runs: builds dist/ when a source is newer, once. Tests that run the
 * `rotabot` bin would otherwise each start a build (racing one another) and read its notice on
 * stderr.
 */
export default async function buildOnce(): Promise<void> {
  const build = '../../scripts/build.js';
  const { ensureBuilt } = (await import(build)) as { ensureBuilt: () => Promise<void> };
  await ensureBuilt();
}
