import type { App, webApi } from '@slack/bolt';
import { buildHomeSummary, type HomeSummary } from '../../../src/core/home.js';
import { buildWelcome } from '../../../src/core/welcome.js';
import { DEFAULT_LOCALE } from '../../../src/time/format-date.js';
import { deliver, firstDelivery, postMessage, type SlackContext } from '../dispatch.js';
import { renderHomeView } from '../home-view.js';
import { renderAnswer } from '../render.js';

/** A person is welcomed once; a year later a returning resident may be welcomed again. */
export const WELCOMED_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * The first time someone opens the app (its Home or its Messages tab), a short welcome lands in
 * their direct messages with the bot. A store outage skips it: a missed welcome beats a repeated one.
 */
async function welcomeOnce(ctx: SlackContext, client: webApi.WebClient, userId: string): Promise<void> {
  const first = await ctx.runtime.store
    .setIfAbsent(`slack:welcomed:${userId}`, '1', WELCOMED_TTL_MS)
    .catch((error: unknown) => {
      ctx.log.warn({ err: error }, 'slack welcome skipped: the store is unavailable');
      return false;
    });
  if (!first) return;
  const welcome = buildWelcome(ctx.runtime.knowledge.current(), 'personal');
  await postMessage(ctx, client, { channel: userId }, renderAnswer(welcome));
}

/** App Home: published afresh each time the resident opens the Home tab, so it is never stale. */
export function registerHomeHandler(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (!(await firstDelivery(ctx, body.event_id))) return;
    await ctx.run('app_home_welcome', () => welcomeOnce(ctx, client, event.user));
    if (event.tab !== 'home') return;
    await ctx.run('app_home_opened', async () => {
      const { runtime } = ctx;
      let summary: HomeSummary | null = null;
      let programName = 'the residency program';
      let locale = DEFAULT_LOCALE;
      try {
        const knowledge = runtime.knowledge.current();
        programName = knowledge.program.name;
        locale = knowledge.program.locale;
        const asker = await ctx.identify(event.user, client);
        summary = buildHomeSummary({
          knowledge,
          schedule: runtime.schedule.current(),
          email: asker.email,
          now: runtime.clock(),
          leadWeekdays: runtime.config.REMIND_LEAD_DAYS,
        });
        // Without the scheduler no reminder will go out: do not promise one.
        if (!runtime.config.SCHEDULER) summary.nextReminder = undefined;
      } catch (error) {
        ctx.log.error({ err: error, eventId: body.event_id }, 'slack home summary failed');
      }
      const view = renderHomeView(summary, programName, locale);
      await deliver(ctx, 'views.publish', () => client.views.publish({ user_id: event.user, view }));
    });
  });
}
