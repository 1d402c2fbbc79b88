import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/calendar/ics.js';
import type { Resident } from '../../src/schedule/types.js';
import { knowledge } from '../fixtures/schedule/knowledge.js';

const resident: Resident = {
  email: 'ann@example.edu',
  name: 'Ann Lee',
  level: 'R4',
  blocks: [
    { start: '2026-11-01', end: '2026-11-30', label: 'IR-VA', rotationId: 'ir-va', source: 's.csv:2' },
    // Crosses the year end and the end of daylight saving time is behind it: dates must not shift.
    {
      start: '2026-12-01',
      end: '2027-01-14',
      label: 'ICU',
      rotationId: 'icu',
      notes: 'nights, then days',
      source: 's.csv:3',
    },
    { start: '2027-03-01', end: '2027-03-28', label: 'Nights', rotationId: null, source: 's.csv:4' },
  ],
};

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)),
  };
}

describe('buildCalendar', () => {
  it('writes one all-day event per block, named and placed as answers name them', () => {
    const ics = buildCalendar(resident, knowledge, { now: new Date('2026-11-28T15:00:00Z') });
    const { calendar, events: list } = events(ics);
    expect(list).toHaveLength(3);
    expect(
      list.map((e) => [
        e.startDate.isDate,
        e.startDate.toString(),
        e.endDate.toString(),
        e.summary,
        e.location,
      ]),
    ).toEqual([
      [true, '2026-11-01', '2026-12-01', 'Interventional Radiology at Durham VA', 'Durham VA'],
      [
        true,
        '2026-12-01',
        '2027-01-15',
        'Intensive Care Unit at Duke University Medical Center',
        'Duke University Medical Center',
      ],
      [true, '2027-03-01', '2027-03-29', 'Nights', null],
    ]);
    expect(list[1]!.description).toContain('nights, then days');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('America/New_York');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Rotations — Ann Lee');
    expect(ics).toContain('DTSTAMP:20261128T150000Z');
    expect(ics).not.toContain('ann@example.edu');
  });

  it("writes the same dates whatever the host's time zone", () => {
    const saved = process.env.TZ;
    const now = new Date('2026-11-01T06:30:00Z'); // the morning daylight saving time ends in Durham
    try {
      const outputs = ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC'].map((tz) => {
        process.env.TZ = tz;
        return buildCalendar(resident, knowledge, { now });
      });
      expect(outputs[1]).toBe(outputs[0]);
      expect(outputs[2]).toBe(outputs[0]);
      expect(outputs[0]).toContain('DTSTART;VALUE=DATE:20261101');
      expect(outputs[0]).toContain('DTSTAMP:20261101T063000Z');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('keeps UIDs stable across rebuilds and distinct between blocks', () => {
    const first = events(buildCalendar(resident, knowledge)).events.map((e) => e.uid);
    const again = events(buildCalendar(resident, knowledge)).events.map((e) => e.uid);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('gives an empty calendar for a resident without blocks', () => {
    expect(events(buildCalendar({ ...resident, blocks: [] }, knowledge)).events).toEqual([]);
  });
});
