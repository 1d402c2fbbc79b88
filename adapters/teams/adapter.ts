import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../../src/config.js';

type ConnectorClientOptions = ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4];

/**
 * A request this adapter refuses: its token is missing, malformed, expired, not valid or could not
 * be checked. Every failure of authenticateRequest becomes one, so the route needs to know only this.
 */
class Refusal extends Error {
  readonly statusCode = 401;
}

/** A request whose token cannot be checked in this time (key server slow or down) is refused. */
export const AUTH_TIMEOUT_MS = 10_000;
/** Every call to the Bot Framework connector (replies, typing, member look-ups, posts). */
export const CONNECTOR_TIMEOUT_MS = 15_000;

export function isAuthenticationError(error: unknown): boolean {
  return error instanceof Refusal;
}

function refusal(message: string): Error {
  return new Refusal(`Unauthorized. ${message}`);
}

/** The SDK's own leeway for clocks, in seconds. */
const CLOCK_TOLERANCE_S = 5 * 60;

/**
 * Why a header cannot hold a valid token, found without the SDK (which prints a stack trace for
 * an expired token): no bearer token, not a JWT, expired or not yet valid. Signatures, issuers
 * and audiences are the SDK's to check.
 */
export function tokenProblem(authHeader: string, nowMs: number): string | undefined {
  const [scheme, token, ...rest] = authHeader.trim().split(/\s+/);
  if (scheme !== 'Bearer' || !token || rest.length > 0) return 'no bearer token';
  const parts = token.split('.');
  if (parts.length !== 3) return 'not a JWT';
  let claims: { exp?: unknown; nbf?: unknown };
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return 'not a JWT';
  }
  if (typeof claims !== 'object' || claims === null) return 'not a JWT';
  const now = nowMs / 1000;
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_TOLERANCE_S < now) return 'expired token';
  if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_TOLERANCE_S > now) return 'token not yet valid';
  return undefined;
}

/**
 * Whatever goes wrong while checking a token — a bad signature, a malformed token, a key server
 * that is unreachable or never answers — the request is not authenticated: 401, never a 500.
 */
class BotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    readonly checksTokens: boolean,
    readonly timeoutMs: number,
    ...options: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>
  ) {
    super(...options);
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']> {
    if (this.checksTokens) {
      const problem = tokenProblem(authHeader, Date.now());
      if (problem) throw refusal(problem);
    }
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(refusal('the token could not be checked in time')), this.timeoutMs);
    });
    try {
      return await Promise.race([super.authenticateRequest(activity, authHeader), deadline]);
    } catch (error) {
      if (error instanceof Refusal) throw error;
      throw refusal((error as Error)?.message ?? 'the token could not be checked');
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A connector pipeline step that gives every outbound request a deadline. */
const connectorTimeout = {
  create: (next: { sendRequest(resource: { timeout: number }): Promise<unknown> }) => ({
    sendRequest: (resource: { timeout: number }) => {
      if (!resource.timeout || resource.timeout > CONNECTOR_TIMEOUT_MS)
        resource.timeout = CONNECTOR_TIMEOUT_MS;
      return next.sendRequest(resource);
    },
  }),
};

/**
 * CloudAdapter with its activity processing in reach: the route answers refusals itself (one log
 * line, no stack trace, no SDK message) instead of CloudAdapter.process's console output.
 */
export class TeamsAdapter extends CloudAdapter {
  handleActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * One CloudAdapter for the process, shared by the /api/messages route and the messenger.
 * Without MicrosoftAppId the Bot Framework's own factory disables authentication: the route is
 * then mounted only in the Emulator mode (TEAMS_EMULATOR=on), for loopback clients.
 */
export interface TeamsAdapterOptions {
  /** How long checking a token may take (AUTH_TIMEOUT_MS). */
  authTimeoutMs?: number;
}

export function createTeamsAdapter(config: Config, options: TeamsAdapterOptions = {}): TeamsAdapter {
  const auth = new BotFrameworkAuthentication(
    Boolean(config.MicrosoftAppId),
    options.authTimeoutMs ?? AUTH_TIMEOUT_MS,
    {
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    },
    undefined,
    undefined,
    undefined,
    { requestPolicyFactories: [connectorTimeout] } as unknown as ConnectorClientOptions,
  );
  return new TeamsAdapter(auth);
}

/** The bot's own id for proactive turns; empty in unauthenticated local mode. */
export function botAppId(config: Config): string {
  return config.MicrosoftAppId ?? '';
}
