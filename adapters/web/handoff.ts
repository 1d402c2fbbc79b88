import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import * as z from 'zod/mini';
import type { Answer, Asker } from '../../src/core/types.js';
import { ACTION_LABELS, type FeedbackAction, feedbackActions } from '../../src/handoff/actions.js';
import { faqEntry } from '../../src/handoff/faq-entry.js';
import { DAY_MS } from '../../src/handoff/records.js';
import { askerKeyOf } from '../../src/handoff/service.js';
import type { CardRef, HandoffCard, HandoffDesk } from '../../src/handoff/types.js';
import { askOutcomeText, voteOutcomeText } from '../../src/handoff/wording.js';
import type { Runtime } from '../../src/runtime.js';
import { optionalText } from '../../src/zod-fields.js';
import { escapeHtml } from './render.js';

/**
 * The web chat's hand-off desk, so the whole loop can be tried with no credentials: cards go to
 * a coordinators' pane on the same page (kept in the store), replies to the resident's page
 * inbox, which the page polls. Like the web chat itself, for a loopback development server.
 */
const DESK = 'web-coordinators';
const CARD = 'web:desk:card:';
const INBOX = 'web:inbox:';

const id = z.string().check(z.regex(/^[A-Za-z0-9._:-]{1,100}$/, { error: 'expects a short id' }));
const FeedbackBody = z.object({
  answer: id,
  action: z.enum(['helpful', 'not-helpful', 'ask-coordinator']),
  as: optionalText(z.maxLength(320)),
  conversation: id,
});
const ReplyBody = z.object({
  card: id,
  text: z.string().check(z.trim(), z.minLength(1, { error: 'expects a reply' }), z.maxLength(4000)),
  by: z.optional(z.string().check(z.trim(), z.maxLength(100))),
});

/** Who is asking in the web chat: the resident picked, else this page's own anonymous id. */
export function webAsker(as: string | undefined, conversation: string | undefined): Asker {
  if (as) return { email: as, platformUserId: as };
  return conversation ? { platformUserId: `page:${conversation}` } : {};
}

export function createWebDesk(runtime: Runtime): HandoffDesk {
  const { store } = runtime;
  const keepMs = runtime.config.HANDOFF_KEEP_DAYS * DAY_MS;
  const save = (ref: CardRef, card: HandoffCard) =>
    store.set(`${CARD}${ref.id}`, JSON.stringify({ ref, card, at: runtime.clock().toISOString() }), keepMs);
  return {
    platform: 'web',
    coordinatorPlace: DESK,
    async postCard(card) {
      // Sortable by time, so the pane lists the newest first.
      const ref: CardRef = {
        platform: 'web',
        channel: DESK,
        id: `${runtime.clock().getTime()}-${randomUUID()}`,
      };
      await save(ref, card);
      return ref;
    },
    updateCard: save,
    async tellResident(place, post) {
      await store.set(
        `${INBOX}${place.conversation}:${runtime.clock().getTime()}-${randomUUID()}`,
        post.text,
        DAY_MS,
      );
    },
  };
}

function buttonHtml(kind: FeedbackAction, answerId: string): string {
  return `<button type="button" class="feedback" data-action="${kind}" data-answer="${escapeHtml(answerId)}">${escapeHtml(ACTION_LABELS[kind])}</button>`;
}

/** The feedback buttons under a web answer (none when the hand-off service is off or nothing identifies the page). */
export async function feedbackHtml(
  runtime: Runtime,
  input: { question: string; answer: Answer; asker: Asker; conversation?: string },
): Promise<string> {
  const service = runtime.handoff;
  if (!service || !input.conversation) return '';
  const kinds = feedbackActions(input.answer, service.canHandOff('web'));
  if (!kinds.length) return '';
  const answerId = await service.keep({
    question: input.question,
    answer: input.answer,
    asker: input.asker,
    platform: 'web',
    place: { conversation: input.conversation },
    where: 'the local web chat',
  });
  if (!answerId) return '';
  return `<div class="feedbacks">${kinds.map((k) => buttonHtml(k, answerId)).join('')}</div>`;
}

function cardHtml(ref: CardRef, card: HandoffCard): string {
  const fields = card.fields
    .map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`)
    .join('');
  const replies = card.replies
    .map((r) => `<li><strong>${escapeHtml(r.by)}</strong>: ${escapeHtml(r.text)}</li>`)
    .join('');
  const cardId = escapeHtml(ref.id);
  return (
    `<article class="handoff" data-card="${cardId}"><h3>${escapeHtml(card.title)}</h3><dl>${fields}</dl>` +
    `<p class="status">${escapeHtml(card.status)}</p>${replies ? `<ul class="replies">${replies}</ul>` : ''}` +
    `<form class="reply" data-card="${cardId}"><textarea name="reply" rows="2" maxlength="4000" placeholder="Reply in the thread" aria-label="Reply to the resident"></textarea>` +
    `<button type="submit">Reply</button><button type="button" class="save-faq" data-card="${cardId}">Save as FAQ</button></form>` +
    `<pre class="faq" hidden></pre></article>`
  );
}

/** The routes behind the web chat's feedback buttons, its coordinators' pane and the resident's inbox. */
export function mountWebHandoff(
  app: Express,
  runtime: Runtime,
  /** The page names residents by opaque id: this turns one back into the email (web/residents.ts). */
  residentEmail: (as: string | undefined) => string | undefined = (as) => as,
): void {
  const service = runtime.handoff;
  if (!service) return;
  const { store } = runtime;

  app.post('/api/web/feedback', express.json({ limit: '4kb' }), async (req, res) => {
    const parsed = FeedbackBody.safeParse(req.body);
    if (!parsed.success) {
      res
        .status(400)
        .json({ error: 'bad_request', message: 'expects JSON {"answer", "action", "conversation", "as"?}' });
      return;
    }
    const { answer, action, as, conversation } = parsed.data;
    const key = askerKeyOf('web', webAsker(residentEmail(as), conversation))!;
    if (action === 'ask-coordinator') {
      const outcome = await service.ask(answer, key);
      res.json({ text: askOutcomeText(outcome), html: `<p>${escapeHtml(askOutcomeText(outcome))}</p>` });
      return;
    }
    const outcome = await service.vote(answer, key, action === 'helpful' ? 'up' : 'down');
    const text = voteOutcomeText(outcome);
    const offer =
      outcome.status === 'recorded' && outcome.offerHandoff
        ? `<div class="feedbacks">${buttonHtml('ask-coordinator', answer)}</div>`
        : '';
    res.json({ text, html: `<p>${escapeHtml(text)}</p>${offer}` });
  });

  app.get('/api/web/inbox', async (req, res) => {
    const conversation = id.safeParse(req.query.conversation);
    if (!conversation.success) {
      res.status(400).json({ error: 'bad_request', message: 'expects ?conversation=id' });
      return;
    }
    const prefix = `${INBOX}${conversation.data}:`;
    const keys = (await store.keys(prefix)).sort();
    const messages: string[] = [];
    for (const key of keys) {
      const text = await store.get(key);
      await store.delete(key);
      if (text) messages.push(text);
    }
    res.json({
      messages: messages.map((text) => ({
        text,
        html: text
          .split(/\n\s*\n/)
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join(''),
      })),
    });
  });

  app.get('/api/web/desk', async (_req, res) => {
    const keys = (await store.keys(CARD)).sort().reverse().slice(0, 50);
    const cards = (await Promise.all(keys.map((k) => store.get(k))))
      .filter((v): v is string => Boolean(v))
      .map((v) => JSON.parse(v) as { ref: CardRef; card: HandoffCard });
    res.json({ html: cards.map((c) => cardHtml(c.ref, c.card)).join(''), count: cards.length });
  });

  app.post('/api/web/desk/reply', express.json({ limit: '16kb' }), async (req, res) => {
    const parsed = ReplyBody.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'bad_request', message: 'expects JSON {"card", "text", "by"?}' });
      return;
    }
    const { card, text, by } = parsed.data;
    const outcome = await service.reply({
      card: { platform: 'web', channel: DESK, id: card },
      messageId: randomUUID(),
      channel: DESK,
      by: by || 'A program coordinator',
      text,
    });
    res.json({ status: outcome.status });
  });

  app.post('/api/web/desk/faq', express.json({ limit: '4kb' }), async (req, res) => {
    const card = id.safeParse((req.body as { card?: unknown } | undefined)?.card);
    const handoff = card.success
      ? await service.byCard({ platform: 'web', channel: DESK, id: card.data })
      : null;
    const taken = new Set((runtime.knowledge.current().faq ?? []).map((f) => f.id));
    const entry = handoff ? await faqEntry(handoff, taken) : null;
    res.json({
      entry:
        entry ??
        (handoff
          ? 'No reply yet: reply first, then save the reply as an FAQ entry.'
          : 'That hand-off is no longer kept.'),
    });
  });
}
