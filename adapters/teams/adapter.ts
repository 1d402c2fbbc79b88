import { createRequire } from 'node:module';
import { type Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Config } from '../../src/config.js';

type AuthenticationErrorClass = new (message: string, statusCode: number) => Error;

// The class CloudAdapter checks with instanceof, from botbuilder's own copy of the connector.
const requireFromBotbuilder = createRequire(createRequire(import.meta.url).resolve('botbuilder'));
const { AuthenticationError } = requireFromBotbuilder('botframework-connector') as {
  AuthenticationError: AuthenticationErrorClass;
};

const JWT_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * The SDK lets a bad signature or a malformed token escape as a plain jsonwebtoken error, which
 * CloudAdapter answers with 500; a forged request is a 401, not our failure.
 */
class BotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (JWT_ERRORS.has((error as Error).name)) {
        throw new AuthenticationError(`Unauthorized. ${(error as Error).message}`, 401);
      }
      throw error;
    }
  }
}

/**
 * One CloudAdapter for the process, shared by the /api/messages route and the messenger.
 * Without MicrosoftAppId the Bot Framework's own factory disables authentication, which is
 * what the Bot Framework Emulator expects for local use.
 */
export function createTeamsAdapter(config: Config): CloudAdapter {
  const auth = new BotFrameworkAuthentication({
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
