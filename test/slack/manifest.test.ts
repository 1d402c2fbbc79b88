import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLASH_COMMAND } from '../../adapters/slack/handlers/command.js';
import { SLACK_EVENTS_PATH } from '../../adapters/slack/plugin.js';

const manifest = parse(readFileSync('manifest.yml', 'utf8'));

describe('manifest.yml', () => {
  it('points events, the slash command and interactivity at the one route', () => {
    const url = `https://YOUR-HOST${SLACK_EVENTS_PATH}`;
    expect(manifest.settings.event_subscriptions.request_url).toBe(url);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: SLASH_COMMAND, url }),
    ]);
  });

  it('subscribes to exactly the events the adapter handles, with the scopes they need', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'message.channels',
      'message.groups',
      'message.im',
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'channels:history',
      'chat:write',
      'chat:write.public',
      'commands',
      'groups:history',
      'im:history',
      'im:write',
      'users:read',
      'users:read.email',
    ]);
  });

  it('has a bot user and an App Home with both tabs', () => {
    expect(manifest.features.bot_user.display_name).toBe('rotabot');
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });
});
