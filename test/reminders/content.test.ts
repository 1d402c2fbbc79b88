import { describe, expect, it } from 'vitest';
import { buildAnnouncement, buildReminder, PART_LIMITS } from '../../src/reminders/content.js';
import { block, resident, scheduleOf, shippedKnowledge } from './fixtures.js';

describe('announcement', () => {
  it('groups next month by rotation and site in the knowledge base order, names and levels only', async () => {
    const knowledge = await shippedKnowledge();
    const schedule = scheduleOf([
      resident('Zed Young', 'R5', [block('IR-VA', '2026-12-01', '2026-12-31', { rotationId: 'ir-va' })]),
      resident('Amy Old', 'R4', [block('IR', '2026-12-01', '2026-12-31', { rotationId: 'ir-duke' })]),
      resident('Bo Kim', 'R4', [block('IR', '2026-12-01', '2026-12-31', { rotationId: 'ir-duke' })]),
      resident('Cat Unknown', 'R5', [
        block('Mystery Elective', '2026-12-01', '2026-12-31', { rotationId: null }),
      ]),
    ]);
    const posts = buildAnnouncement(knowledge, schedule, '2026-12');
    expect(posts).toEqual([
      {
        text: 'Rotations for December 2026, by rotation and site.',
        items: [
          'Interventional Radiology at Duke University Medical Center: Amy Old (R4), Bo Kim (R4)',
          'Interventional Radiology at the Durham VA: Zed Young (R5)',
          'Mystery Elective: Cat Unknown (R5)',
        ],
      },
    ]);
    expect(JSON.stringify(posts)).not.toContain('@');
  });

  it('is empty for a month the schedule does not cover', async () => {
    const knowledge = await shippedKnowledge();
    const schedule = scheduleOf([resident('A B', 'R4', [block('IR', '2026-12-01', '2026-12-31')])]);
    expect(buildAnnouncement(knowledge, schedule, '2027-01')).toEqual([]);
  });

  it('splits a large program into numbered parts within the common limits', async () => {
    const knowledge = await shippedKnowledge();
    const labels = knowledge.rotations.map((r) => r.id);
    const residents = Array.from({ length: 400 }, (_, i) =>
      resident(
        `Person${'x'.repeat(i % 7)} Number${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
        `R${(i % 5) + 1}`,
        [
          block(`L${i % 60}`, '2026-12-01', '2026-12-31', {
            rotationId: i % 2 ? labels[i % labels.length]! : null,
          }),
        ],
      ),
    );
    const posts = buildAnnouncement(knowledge, scheduleOf(residents), '2026-12');
    expect(posts.length).toBeGreaterThan(1);
    posts.forEach((post, i) => {
      expect(post.text).toContain(`(part ${i + 1} of ${posts.length})`);
      expect(post.items!.length).toBeLessThanOrEqual(PART_LIMITS.items);
      expect(post.items!.join('\n').length).toBeLessThanOrEqual(PART_LIMITS.chars);
      for (const item of post.items!) expect(item.length).toBeLessThanOrEqual(PART_LIMITS.itemChars);
    });
    const everyone = posts.flatMap((p) => p.items!).join('\n');
    for (const r of residents) expect(everyone).toContain(`${r.name} (${r.level})`);
  });
  it('continues a rotation with very many residents on another line rather than cutting it', async () => {
    const knowledge = await shippedKnowledge();
    const many = Array.from({ length: 120 }, (_, i) =>
      resident(
        `Someone Named${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
        'R4',
        [block('IR', '2026-12-01', '2026-12-31', { rotationId: 'ir-duke' })],
      ),
    );
    const [post] = buildAnnouncement(knowledge, scheduleOf(many), '2026-12');
    expect(post!.items!.length).toBeGreaterThan(1);
    expect(post!.items![1]).toMatch(
      /^Interventional Radiology at Duke University Medical Center \(continued\): /,
    );
    expect(post!.items!.join(', ').match(/Someone/g)).toHaveLength(120);
  });
});

describe('reminder', () => {
  it('names the day, the rotation with its site, and the fact from the knowledge base', async () => {
    const knowledge = await shippedKnowledge();
    const ana = resident('Ana Diaz', 'R4', [
      block('Body', '2027-02-01', '2027-02-28', { rotationId: 'dr-body' }),
    ]);
    const post = buildReminder(knowledge, ana, ana.blocks[0]!, '2027-01-29');
    expect(post.text).toBe(
      'Hi Ana — a reminder: on Monday, February 1, 2027, you start Abdominal Imaging (Body) (until Sunday, February 28, 2027).\n\n' +
        'During abdominal radiology rotations, residents are the primary operator for biopsies and drainages.',
    );
  });

  it('works without a fact, and adds the schedule note', async () => {
    const knowledge = await shippedKnowledge();
    const bo = resident('Bo Kim', 'R5', [
      block('Mystery', '2026-12-01', '2026-12-31', {
        rotationId: null,
        site: 'Elsewhere Hospital',
        notes: 'Badge pickup at 7',
      }),
    ]);
    const post = buildReminder(knowledge, bo, bo.blocks[0]!, '2026-11-30');
    expect(post.text).toBe(
      'Hi Bo — a reminder: tomorrow, Tuesday, December 1, 2026, you start Mystery at Elsewhere Hospital (until Thursday, December 31, 2026).\n\n' +
        'Note from the schedule: Badge pickup at 7',
    );
  });
});
