import type { webApi } from '@slack/bolt';
import type { Asker } from '../../src/core/types.js';
import type { Logger } from '../../src/logger.js';
import type { LiveSource, Metrics } from '../../src/runtime.js';
import type { Schedule } from '../../src/schedule/types.js';
import type { Store } from '../../src/store/store.js';
import { slackErrorCode } from './errors.js';

/** People rarely change their email; six hours keeps users.info calls to a handful a day per person. */
export const IDENTITY_TTL_MS = 6 * 60 * 60 * 1000;

interface CachedUser {
  email?: string;
  name?: string;
}

export interface SlackIdentityDeps {
  store: Store;
  schedule: LiveSource<Schedule>;
  logger: Logger;
  metrics: Metrics;
  ttlMs?: number;
}

export type IdentifySlackUser = (userId: string, client: webApi.WebClient) => Promise<Asker>;

function residentBySlackId(schedule: LiveSource<Schedule>, userId: string) {
  try {
    return schedule.current().byPlatformId('slack', userId);
  } catch {
    return undefined;
  }
}

/**
 * Slack user → asker. The schedule's slack_id column wins (the coordinator said so); otherwise
 * the profile email from users.info (users:read.email), cached in the store so replicas share it.
 * A lookup that fails leaves the asker unknown rather than failing the answer.
 */
export function createSlackIdentity(deps: SlackIdentityDeps): IdentifySlackUser {
  const { store, schedule, logger, metrics, ttlMs = IDENTITY_TTL_MS } = deps;
  const key = (userId: string) => `slack:user:${userId}`;

  async function cached(userId: string): Promise<CachedUser | null> {
    try {
      const value = await store.get(key(userId));
      return value ? (JSON.parse(value) as CachedUser) : null;
    } catch (error) {
      logger.warn({ err: error }, 'slack identity cache read failed');
      return null;
    }
  }

  async function lookUp(userId: string, client: webApi.WebClient): Promise<CachedUser | null> {
    try {
      const result = await client.users.info({ user: userId });
      const profile = result.user?.profile;
      const found: CachedUser = {
        email: profile?.email?.toLowerCase(),
        name: profile?.real_name || profile?.display_name || result.user?.real_name || result.user?.name,
      };
      await store.set(key(userId), JSON.stringify(found), ttlMs).catch((error: unknown) => {
        logger.warn({ err: error }, 'slack identity cache write failed');
      });
      return found;
    } catch (error) {
      const code = slackErrorCode(error);
      logger.warn({ code, userId }, 'slack users.info failed; answering as an unknown asker');
      metrics.platformError('slack', code);
      return null;
    }
  }

  return async (userId, client) => {
    const resident = residentBySlackId(schedule, userId);
    if (resident) return { email: resident.email, platformUserId: userId, displayName: resident.name };
    const user = (await cached(userId)) ?? (await lookUp(userId, client));
    return { email: user?.email, platformUserId: userId, displayName: user?.name };
  };
}
