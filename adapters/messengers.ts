import type { Messenger } from '../src/reminders/messenger.js';
import type { Runtime } from '../src/runtime.js';

/**
 * The platforms scheduled posts can leave through: Slack with a bot token, Teams with a
 * registered bot (MicrosoftAppId — the unauthenticated Emulator mode cannot post on its own).
 * Each platform's SDK is loaded only when that platform is configured.
 */
export async function createMessengers(runtime: Runtime): Promise<Messenger[]> {
  const messengers: Messenger[] = [];
  if (runtime.config.slackEnabled)
    messengers.push((await import('./slack/messenger.js')).createSlackMessenger(runtime));
  if (runtime.config.teamsAuthenticated)
    messengers.push((await import('./teams/messenger.js')).createTeamsMessenger(runtime));
  return messengers;
}
