import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Config } from '../../src/config.js';

/**
 * One CloudAdapter for the process, shared by the /api/messages route and the messenger.
 * Without MicrosoftAppId the Bot Framework's own factory disables authentication, which is
 * what the Bot Framework Emulator expects for local use.
 */
export function createTeamsAdapter(config: Config): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  return new CloudAdapter(auth);
}

/** The bot's own id for proactive turns; empty in unauthenticated local mode. */
export function botAppId(config: Config): string {
  return config.MicrosoftAppId ?? '';
}
