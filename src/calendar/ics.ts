import { createHash } from 'node:crypto';
import ical, { ICalEventTransparency } from 'ical-generator';
import { describeRotation } from '../knowledge/rotation-names.js';
import type { Knowledge } from '../knowledge/schema.js';
import type { Resident } from '../schedule/types.js';
import { addDays, type IsoDate, parseIsoDate } from '../time/local-date.js';

/**
 * A calendar date as ical-generator's Temporal.PlainDate shape: written as VALUE=DATE exactly
 * as given, never shifted through the host's time zone as a Date would be.
 */
function plainDate(date: IsoDate) {
  const { year, month, day } = parseIsoDate(date);
  return {
    year,
    month,
    day,
    toPlainDateTime: () => ({ year, month, day, hour: 0, minute: 0, second: 0 }),
    toJSON: () => date,
    toString: () => date,
  };
}

/** Stable across rebuilds, so calendar apps update an event instead of duplicating it. */
function eventUid(resident: Resident, start: IsoDate): string {
  return `${createHash('sha256').update(`${resident.email}|${start}`).digest('hex').slice(0, 32)}@rotabot`;
}

export interface BuildCalendarOptions {
  /** DTSTAMP: when this copy was made (the caller's clock). */
  now?: Date;
}

/** A resident's rotations as iCalendar: one all-day event per block, named as answers name it. */
export function buildCalendar(
  resident: Resident,
  knowledge: Knowledge,
  options: BuildCalendarOptions = {},
): string {
  const calendar = ical({
    name: `Rotations — ${resident.name}`,
    description: `${knowledge.program.name} rotation schedule for ${resident.name}`,
    prodId: { company: 'rotabot', product: 'rotabot', language: 'EN' },
  });
  for (const block of resident.blocks) {
    const display = describeRotation(knowledge, block);
    const location = display.site?.name ?? block.site;
    const description = [block.notes, `Schedule label: ${block.label}`].filter(Boolean).join('\n');
    calendar.createEvent({
      id: eventUid(resident, block.start),
      allDay: true,
      start: plainDate(block.start),
      // DTEND of an all-day event is the day after the last one.
      end: plainDate(addDays(block.end, 1)),
      summary: display.text,
      description,
      ...(location ? { location } : {}),
      // A month-long rotation must not show the resident as busy all month in free/busy views.
      transparency: ICalEventTransparency.TRANSPARENT,
      ...(options.now ? { stamp: options.now } : {}),
    });
  }
  // The zone is named with X-WR-TIMEZONE, not set as ical-generator's timezone, which would write
  // DTSTAMP in the host's local time; all-day dates need no zone. It goes before the first event.
  return calendar
    .toString()
    .replace(/\r\n(?=BEGIN:VEVENT|END:VCALENDAR)/, `\r\nX-WR-TIMEZONE:${knowledge.program.time_zone}\r\n`);
}
