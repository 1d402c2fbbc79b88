import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../../src/logger.js';
import { requestContext } from '../server/request-context.js';
import { slackBodyProblem } from './body-shape.js';

/** Slack refuses to sign anything older; so do we, in both directions (a clock ahead is as suspect). */
export const MAX_SKEW_SECONDS = 300;
/** Slack's payloads are a few kilobytes; a large body is not from Slack. */
export const MAX_SLACK_BODY = '512kb';

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Slack's v0 request signature: HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export function signSlackRequest(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function checkSlackSignature(args: {
  secret: string;
  body: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  nowSeconds: number;
}): Verdict {
  const { secret, body, signature, timestamp, nowSeconds } = args;
  if (!signature || !timestamp)
    return { ok: false, reason: 'unsigned: x-slack-signature or x-slack-request-timestamp missing' };
  if (!/^\d+$/.test(timestamp)) return { ok: false, reason: 'x-slack-request-timestamp is not a number' };
  const skew = Math.abs(nowSeconds - Number(timestamp));
  if (skew > MAX_SKEW_SECONDS) {
    return {
      ok: false,
      reason: `stale: timestamp is ${skew} s away from now (limit ${MAX_SKEW_SECONDS} s); a replay or a wrong clock`,
    };
  }
  const expected = Buffer.from(signSlackRequest(secret, timestamp, body.toString('utf8')));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "signature mismatch: not signed with this app's signing secret" };
  }
  return { ok: true };
}

/**
 * Express middleware for POST /slack/events: reads the raw body (with a limit), checks the
 * signature against our clock, and answers 401 with one log line saying why. A verified body is
 * left on `req.rawBody`, where Bolt's receiver reads it instead of reading the stream again.
 */
export function slackVerifier(options: { signingSecret: string; clock: () => Date; logger: Logger }) {
  const raw = express.raw({ type: () => true, limit: MAX_SLACK_BODY });
  const verify = (req: Request, res: Response, next: NextFunction): void => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verdict = checkSlackSignature({
      secret: options.signingSecret,
      body,
      signature: req.get('x-slack-signature'),
      timestamp: req.get('x-slack-request-timestamp'),
      nowSeconds: Math.floor(options.clock().getTime() / 1000),
    });
    if (!verdict.ok) {
      const log = requestContext(res).logger ?? options.logger;
      log.warn({ reason: verdict.reason, path: req.path }, 'slack request rejected');
      res.status(401).json({ error: 'unauthorized', message: 'invalid Slack request signature' });
      return;
    }
    const problem = slackBodyProblem(body, req.get('content-type'));
    if (problem) {
      const log = requestContext(res).logger ?? options.logger;
      log.info({ reason: problem, path: req.path }, 'slack request refused: not a Slack payload');
      res.status(400).json({ error: 'bad_request', message: `not a Slack payload: ${problem}` });
      return;
    }
    (req as Request & { rawBody?: Buffer }).rawBody = body;
    next();
  };
  return [raw, verify];
}
