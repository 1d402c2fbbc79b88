import type { Messenger } from '../src/reminders/messenger.js';
import type { Runtime } from '../src/runtime.js';
import { createSlackMessenger } from './slack/messenger.js';
import { createTeamsMessenger } from './teams/messenger.js';

/**
 * The platforms scheduled posts can leave through: Slack with a bot token, Teams with a
 * registered bot (MicrosoftAppId — the unauthenticated Emulator mode cannot post on its own).
 */
export function createMessengers(runtime: Runtime): Messenger[] {
  const messengers: Messenger[] = [];
  if (runtime.config.slackEnabled) messengers.push(createSlackMessenger(runtime));
  if (runtime.config.teamsAuthenticated) messengers.push(createTeamsMessenger(runtime));
  return messengers;
}
