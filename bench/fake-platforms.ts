import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for Slack's Web API and the Teams service (serviceUrl), on loopback, that note
 * when each conversation's reply arrives: the benchmarks time a message from the request that
 * brings it to the reply that answers it. Nothing here reaches the internet.
 */

export interface FakePlatform {
  /** Base URL: Slack's API URL (…/api/), or the Teams service URL (…/). */
  url: string;
  /** Resolves with performance.now() when the next reply to `conversation` arrives. */
  nextReply(conversation: string): Promise<number>;
  /** Calls received, by method or kind ("chat.postMessage", "typing", "member"). */
  calls: Map<string, number>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Slack's Web API sends form-encoded bodies; JSON is accepted too. */
function params(body: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('json')) {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

function replies() {
  const waiting = new Map<string, (at: number) => void>();
  const early = new Map<string, number>();
  return {
    arrived(conversation: string): void {
      const at = performance.now();
      const resolve = waiting.get(conversation);
      if (resolve) {
        waiting.delete(conversation);
        resolve(at);
      } else early.set(conversation, at);
    },
    next(conversation: string): Promise<number> {
      const at = early.get(conversation);
      if (at !== undefined) {
        early.delete(conversation);
        return Promise.resolve(at);
      }
      return new Promise((resolve) => waiting.set(conversation, resolve));
    },
  };
}

function listen(server: Server, path: string): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`),
    ),
  );
}

function closer(server: Server): () => Promise<void> {
  return async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
}

/**
 * Slack's Web API: `ok` for every method; users.info gives user U<n> the email `emailOf(n)`;
 * chat.postMessage to a channel is that conversation's reply.
 */
export async function fakeSlackApi(emailOf: (n: number) => string | undefined): Promise<FakePlatform> {
  const calls = new Map<string, number>();
  const posted = replies();
  const server = createServer(async (req, res) => {
    const method = (req.url ?? '').split('?')[0]!.split('/').at(-1)!;
    calls.set(method, (calls.get(method) ?? 0) + 1);
    const p = params(await readBody(req), req.headers['content-type']);
    let body: Record<string, unknown> = { ok: true };
    if (method === 'auth.test') body = { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
    else if (method === 'users.info') {
      const user = String(p.user ?? '');
      const email = emailOf(Number(user.slice(1)));
      body = { ok: true, user: { id: user, name: user, profile: { email, real_name: 'Bench Resident' } } };
    } else if (method === 'chat.postMessage') {
      body = { ok: true, channel: p.channel, ts: `${Date.now() / 1000}` };
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
    if (method === 'chat.postMessage') posted.arrived(String(p.channel));
  });
  const url = await listen(server, '/api/');
  return { url, calls, nextReply: posted.next, close: closer(server) };
}

/**
 * The Teams service: member look-ups give `29:user-<n>` the email `emailOf(n)`; a message
 * activity posted to a conversation is its reply (typing indicators are counted, not replies).
 */
export async function fakeTeamsService(emailOf: (n: number) => string | undefined): Promise<FakePlatform> {
  const calls = new Map<string, number>();
  const posted = replies();
  const count = (kind: string) => calls.set(kind, (calls.get(kind) ?? 0) + 1);
  const server = createServer(async (req, res) => {
    const text = await readBody(req);
    const path = req.url ?? '';
    const member = /\/members\/([^/?]+)/.exec(path);
    const conversation = /\/v3\/conversations\/([^/?]+)\/activities/.exec(path);
    let reply: string | undefined;
    let body: Record<string, unknown> = { id: `r${Date.now()}` };
    if (member) {
      count('member');
      const id = decodeURIComponent(member[1]!);
      body = { id, email: emailOf(Number(id.split('-')[1])) };
    } else if (conversation) {
      const activity = params(text, 'json') as { type?: string };
      count(activity.type ?? 'activity');
      if (activity.type === 'message') reply = decodeURIComponent(conversation[1]!);
    } else count('other');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (reply) posted.arrived(reply);
  });
  const url = await listen(server, '/');
  return { url, calls, nextReply: posted.next, close: closer(server) };
}
