/** The key prefix every replica of one deployment shares unless REDIS_PREFIX says otherwise. */
export const DEFAULT_KEY_PREFIX = 'rotabot:';

/**
 * The one place Redis key prefixes are built: every store key lives under this prefix, so two
 * deployments (or two test runs) on one Redis never see each other's keys.
 */
export function storeKeyPrefix(config: { REDIS_PREFIX: string }): string {
  return config.REDIS_PREFIX;
}

/**
 * The scope of one program's keys inside the deployment's prefix (`rotabot:program:duke-ir:…`),
 * for deployments serving several programs (PROGRAMS_DIR).
 */
export function programKeyScope(programId: string): string {
  return `program:${programId}:`;
}
