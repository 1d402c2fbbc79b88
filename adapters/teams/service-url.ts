import type { TurnContext } from 'botbuilder';
import { isLoopbackHost } from '../../src/net/loopback.js';

/** Microsoft's Bot Framework service hosts (public, government): replies may always go there. */
const MICROSOFT_SERVICE_HOSTS = [/^smba\.trafficmanager\.net$/, /(^|\.)botframework\.(com|us|azure\.us)$/];

interface Claims {
  getClaimValue(type: string): string | null;
}

function parse(url: string | undefined): URL | undefined {
  try {
    return url ? new URL(url) : undefined;
  } catch {
    return undefined;
  }
}

/** The service URL the activity's token names (its `serviceurl` claim), when there is a token. */
function claimedServiceUrl(context: TurnContext): string | undefined {
  const identity = context.turnState.get(context.adapter.BotIdentityKey) as Claims | undefined;
  return identity?.getClaimValue?.('serviceurl') ?? undefined;
}

/**
 * Whether the bot may call the activity's service URL (replies, typing, member look-ups): only
 * one the authenticated token vouches for, or one of Microsoft's own service hosts over https.
 * In the Emulator mode the Emulator itself, on this machine, is vouched for too.
 */
export function serviceUrlVouched(context: TurnContext, emulator: boolean): boolean {
  const serviceUrl = context.activity.serviceUrl;
  const url = parse(serviceUrl);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return false;
  if (emulator && isLoopbackHost(url.hostname)) return true;
  if (url.protocol !== 'https:') return false;
  if (MICROSOFT_SERVICE_HOSTS.some((host) => host.test(url.hostname.toLowerCase()))) return true;
  const claimed = claimedServiceUrl(context);
  return Boolean(claimed) && claimed === serviceUrl;
}

/** The host of a refused service URL, as logs may show it (never the path or query). */
export function serviceHostOf(serviceUrl: string | undefined): string {
  return parse(serviceUrl)?.host ?? 'invalid';
}
