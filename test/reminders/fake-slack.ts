import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Slack Web API with the few methods scheduled posts use, keeping every channel's
 * messages (with their metadata) so the tests count what really arrived. It misbehaves on cue:
 * a fault is queued for a method and consumed by its next call.
 */

export interface SlackMessage {
  channel: string;
  text: string;
  ts: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export type Fault =
  /** The post is recorded, then the reply is a 500. */
  | 'record-then-500'
  /** The post is recorded, and the reply comes later than any client timeout. */
  | 'record-then-slow'
  /** The post is recorded, then the connection is reset without a reply. */
  | 'record-then-reset'
  /** The connection is reset before anything is recorded. */
  | 'reset'
  /** A 500 before anything is recorded. */
  | '500'
  /** Slack answers ok: false with this error (e.g. { error: 'missing_scope' }). */
  | { error: string };

/**
 * Called as a method's request arrives ('request', before anything is done), once a post is
 * recorded but before its reply ('recorded'), and after the reply went out ('replied').
 */
export type Cue = (
  method: string,
  phase: 'request' | 'recorded' | 'replied',
  body: Record<string, string>,
) => void;

export interface FakeSlack {
  url: string;
  messages: SlackMessage[];
  calls: Array<{ method: string; body: Record<string, string> }>;
  /** Queues a fault for the nth next call of the method (1: the next), only counting calls to `channel` when given. */
  fault(method: string, fault: Fault, where?: { nth?: number; channel?: string }): void;
  /** Emails users.lookupByEmail does not find. */
  unknownEmails: Set<string>;
  onCue(cue: Cue): void;
  /** Messages in a channel, or everywhere. */
  postsTo(channel?: string): SlackMessage[];
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('json')) return JSON.parse(raw || '{}');
  return Object.fromEntries(new URLSearchParams(raw));
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const messages: SlackMessage[] = [];
  const calls: FakeSlack['calls'] = [];
  const faults: Array<{ method: string; fault: Fault; nth: number; channel?: string; seen: number }> = [];
  const unknownEmails = new Set<string>();
  function faultFor(method: string, body: Record<string, string>): Fault | undefined {
    for (const f of faults) {
      if (f.method !== method || (f.channel && body.channel !== f.channel)) continue;
      if (++f.seen === f.nth) {
        faults.splice(faults.indexOf(f), 1);
        return f.fault;
      }
    }
    return undefined;
  }
  const cues: Cue[] = [];
  let clock = 1_800_000_000;
  const slow = new Set<ServerResponse>();

  const nextTs = () => {
    // Real time, so `oldest` works as in Slack, made unique the way Slack's ts are.
    clock = Math.max(clock + 1, Date.now() * 1000);
    return (clock / 1_000_000).toFixed(6);
  };

  function record(body: Record<string, string>): SlackMessage {
    const metadata = body.metadata ? JSON.parse(body.metadata) : undefined;
    const message = { channel: body.channel!, text: body.text ?? '', ts: nextTs(), metadata };
    messages.push(message);
    for (const cue of cues) cue('chat.postMessage', 'recorded', body);
    return message;
  }

  function answer(method: string, body: Record<string, string>): unknown {
    switch (method) {
      case 'users.lookupByEmail':
        if (unknownEmails.has(body.email ?? '')) return { ok: false, error: 'users_not_found' };
        return {
          ok: true,
          user: {
            id: `U${createHash('sha1')
              .update(body.email ?? '')
              .digest('hex')
              .slice(0, 10)}`,
          },
        };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${body.users}` } };
      case 'chat.postMessage': {
        const m = record(body);
        return { ok: true, channel: m.channel, ts: m.ts };
      }
      case 'conversations.history': {
        const oldest = Number(body.oldest ?? 0);
        const withMetadata = body.include_all_metadata === 'true';
        const found = messages
          .filter((m) => m.channel === body.channel && Number(m.ts) >= oldest)
          .reverse()
          .map((m) => ({
            type: 'message',
            text: m.text,
            ts: m.ts,
            ...(withMetadata && m.metadata && { metadata: m.metadata }),
          }));
        const limit = Number(body.limit ?? 100);
        const start = Number(body.cursor ?? 0);
        const page = found.slice(start, start + limit);
        const more = start + limit < found.length;
        return {
          ok: true,
          messages: page,
          has_more: more,
          response_metadata: { next_cursor: more ? String(start + limit) : '' },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const server = createServer(async (req, res) => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
    const body = await bodyOf(req);
    calls.push({ method, body });
    for (const cue of cues) cue(method, 'request', body);
    const fault = faultFor(method, body);
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
      for (const cue of cues) cue(method, 'replied', body);
    };
    if (fault === 'reset' || fault === 'record-then-reset') {
      if (fault === 'record-then-reset') answer(method, body);
      req.socket.destroy();
      return;
    }
    if (fault === '500') return send(500, { ok: false });
    if (fault === 'record-then-500') {
      answer(method, body);
      return send(500, { ok: false });
    }
    if (fault === 'record-then-slow') {
      const payload = answer(method, body);
      slow.add(res);
      setTimeout(() => {
        slow.delete(res);
        if (!res.destroyed) send(200, payload);
      }, 2_000).unref();
      return;
    }
    if (fault && typeof fault === 'object') return send(200, { ok: false, error: fault.error });
    send(200, answer(method, body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    messages,
    calls,
    fault(method, fault, where = {}) {
      faults.push({ method, fault, nth: where.nth ?? 1, channel: where.channel, seen: 0 });
    },
    unknownEmails,
    onCue(cue) {
      cues.push(cue);
    },
    postsTo: (channel) => messages.filter((m) => channel === undefined || m.channel === channel),
    async close() {
      for (const res of slow) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
