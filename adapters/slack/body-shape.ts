/**
 * What Slack sends to /slack/events, checked for shape before Bolt sees it: a signed body of the
 * wrong shape (`null`, `[]`, a string, an event callback without its event) would otherwise
 * make Bolt throw or never acknowledge. Returns what is wrong, or undefined for a usable body.
 */
export function slackBodyProblem(body: Buffer, contentType: string | undefined): string | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const text = body.toString('utf8');
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(text);
    const payload = form.get('payload');
    if (payload === null) return undefined; // a slash command or ssl_check: flat fields
    return typedObjectProblem(parseJson(payload), 'the interaction payload');
  }
  const parsed = parseJson(text);
  const problem = typedObjectProblem(parsed, 'the body');
  if (problem) return problem;
  const envelope = parsed as { type: string; event?: unknown };
  if (envelope.type === 'event_callback') return typedObjectProblem(envelope.event, 'the event');
  return undefined;
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

function typedObjectProblem(value: unknown, what: string): string | undefined {
  if (value === NOT_JSON) return `${what} is not JSON`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${what} is not an object`;
  if (typeof (value as { type?: unknown }).type !== 'string') return `${what} has no type`;
  return undefined;
}
