import type { Config } from '../src/config.js';
import type { Runtime } from '../src/runtime.js';
import type { ServerPlugin } from './server/plugin.js';

/**
 * Which routes a configuration serves. A platform's route exists only when that platform is
 * configured: a Slack-only deployment has no /api/messages, a Teams-only one no /slack/events.
 * Loaded only when used: Bolt and botbuilder are heavy, and the web chat alone starts faster without them.
 */
export async function choosePlugins(runtime: Runtime): Promise<ServerPlugin[]> {
  const { config } = runtime;
  const plugins: ServerPlugin[] = [];
  if (config.webChatEnabled) plugins.push((await import('./web/plugin.js')).createWebChatPlugin(runtime));
  plugins.push((await import('./calendar/plugin.js')).createCalendarPlugin(runtime));
  // The Teams app's website, privacy and terms links: public, and no resident's data on them.
  plugins.push((await import('./info/plugin.js')).createInfoPagesPlugin(runtime));
  if (config.slackEnabled) plugins.push((await import('./slack/plugin.js')).createSlackPlugin(runtime));
  // Authenticated with MicrosoftAppId; unauthenticated only when TEAMS_EMULATOR=on (loopback only).
  if (config.teamsEnabled) plugins.push((await import('./teams/plugin.js')).createTeamsPlugin(runtime));
  return plugins;
}

/** Loopback for the local web chat alone; every interface once a platform must reach us. */
export function listenHost(config: Config): string {
  if (config.HOST) return config.HOST;
  return config.slackEnabled || config.teamsAuthenticated ? '0.0.0.0' : '127.0.0.1';
}
