import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Asker } from '../../src/core/types.js';
import type { Runtime } from '../../src/runtime.js';
import type { MentionedMember } from './parse.js';

const MEMBER_KEY = 'teams:member:';
/** People's emails rarely change; a day keeps Teams API calls to one per person per day. */
export const MEMBER_TTL_MS = 24 * 60 * 60 * 1000;
/** A failed lookup is retried sooner, so a passing outage does not hide an email for a day. */
export const MISS_TTL_MS = 10 * 60 * 1000;

interface CachedMember {
  email?: string;
}

/** A Teams member's email (cached), or undefined when Teams will not say. */
export async function lookUpMember(
  context: TurnContext,
  runtime: Runtime,
  userId: string,
): Promise<string | undefined> {
  const key = MEMBER_KEY + userId;
  const cached = await runtime.store.get(key).catch((error) => {
    runtime.logger.warn({ err: error }, 'teams: member cache read failed');
    return null;
  });
  if (cached) {
    try {
      return (JSON.parse(cached) as CachedMember).email;
    } catch {
      // Not ours to trust: look the member up again and overwrite it.
    }
  }
  let found: CachedMember = {};
  try {
    const member = await TeamsInfo.getMember(context, userId);
    const email = member.email ?? member.userPrincipalName;
    if (email) found = { email: email.toLowerCase() };
  } catch (error) {
    runtime.logger.warn({ err: error, userId }, 'teams: could not look up the member');
    runtime.metrics.platformError('teams', 'member_lookup_failed');
  }
  await runtime.store
    .set(key, JSON.stringify(found), found.email ? MEMBER_TTL_MS : MISS_TTL_MS)
    .catch((error) => runtime.logger.warn({ err: error }, 'teams: could not cache the member'));
  return found.email;
}

/**
 * Who wrote the activity. The schedule's teams_id column wins (a coordinator's word beats the
 * directory); then the Teams member's email or UPN. Outside Teams (the Emulator) there is no
 * member API: an email the activity itself carries is used only in unauthenticated local mode.
 */
export async function identify(context: TurnContext, runtime: Runtime): Promise<Asker> {
  const from = context.activity.from ?? { id: '', name: '' };
  const asker: Asker = { platformUserId: from.aadObjectId ?? from.id };
  if (from.name) asker.displayName = from.name;

  const schedule = runtime.schedule.current();
  const ids = [from.aadObjectId, from.id].filter((id): id is string => Boolean(id));
  for (const id of ids) {
    const resident = schedule.byPlatformId('teams', id);
    if (resident) return { ...asker, email: resident.email };
  }

  if (context.activity.channelId === 'msteams' && from.id) {
    const email = await lookUpMember(context, runtime, from.id);
    return email ? { ...asker, email } : asker;
  }
  const carried = (from as { email?: unknown }).email;
  if (!runtime.config.teamsAuthenticated && typeof carried === 'string' && carried.includes('@')) {
    return { ...asker, email: carried.toLowerCase() };
  }
  return asker;
}

/** A person mentioned in a message: the schedule's teams_id first, then the member's directory email. */
export async function identifyMentioned(
  context: TurnContext,
  runtime: Runtime,
  member: MentionedMember,
): Promise<string | undefined> {
  const schedule = runtime.schedule.current();
  for (const id of [member.aadObjectId, member.id]) {
    const resident = id ? schedule.byPlatformId('teams', id) : undefined;
    if (resident) return resident.email;
  }
  if (context.activity.channelId !== 'msteams') return undefined;
  return lookUpMember(context, runtime, member.id);
}
