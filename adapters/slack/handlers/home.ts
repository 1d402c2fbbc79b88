import type { App } from '@slack/bolt';
import { buildHomeSummary, type HomeSummary } from '../../../src/core/home.js';
import { DEFAULT_LOCALE } from '../../../src/time/format-date.js';
import { deliver, firstDelivery, type SlackContext } from '../dispatch.js';
import { renderHomeView } from '../home-view.js';

/** App Home: published afresh each time the resident opens the Home tab, so it is never stale. */
export function registerHomeHandler(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    if (!(await firstDelivery(ctx, body.event_id))) return;
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
