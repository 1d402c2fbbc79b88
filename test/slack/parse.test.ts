import { describe, expect, it } from 'vitest';
import { conversationKind, ignoreReason, isHelpRequest, plainText } from '../../adapters/slack/parse.js';

describe('plainText', () => {
  it('removes the bot mention and reads other markup as people wrote it', () => {
    expect(
      plainText(
        '<@UBOT> is <@U123|alice> on IR? see <#C1|ir-residents> &amp; <https://x.org|the doc> &lt;3',
        'UBOT',
      ),
    ).toBe('is @alice on IR? see #ir-residents & the doc <3');
    expect(plainText('<!here> <mailto:a@b.edu|a@b.edu> <https://duke.edu>')).toBe('a@b.edu https://duke.edu');
  });
});

describe('ignoreReason', () => {
  it('answers only people’s plain messages', () => {
    expect(ignoreReason({ user: 'U1', text: 'hi' }, 'UBOT')).toBeNull();
    expect(ignoreReason({ user: 'U1', text: 'hi', subtype: 'message_changed' })).toBe(
      'subtype message_changed',
    );
    expect(ignoreReason({ user: 'U1', text: 'hi', bot_id: 'B1' })).toBe('from a bot');
    expect(ignoreReason({ user: 'UBOT', text: 'hi' }, 'UBOT')).toBe('our own message');
    expect(ignoreReason({ user: 'U1', text: '  ' })).toBe('no text');
  });
});

describe('conversationKind and help', () => {
  it('treats D channels as private', () => {
    expect(conversationKind('D123')).toBe('private');
    expect(conversationKind('C123')).toBe('channel');
    expect(conversationKind('G123')).toBe('channel');
  });
  it('recognises a help request', () => {
    expect(isHelpRequest('')).toBe(true);
    expect(isHelpRequest(' Help ')).toBe(true);
    expect(isHelpRequest('help me find TIPS')).toBe(false);
  });
});
