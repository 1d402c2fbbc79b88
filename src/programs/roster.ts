import type { LiveSource, ProgramRuntime } from '../runtime.js';
import type { Resident, Schedule } from '../schedule/types.js';

/**
 * Everyone on any program's schedule, for the lookups adapters make before a question reaches a
 * program (who is this Slack or Teams user?). Answers never read it: each program answers from its
 * own schedule. Everything but the roster lookups is the first program's.
 */
export function combinedRoster(programs: readonly ProgramRuntime[]): LiveSource<Schedule> {
  let seen: Schedule[] = [];
  let merged: Schedule | undefined;
  function build(schedules: Schedule[]): Schedule {
    const residents: Resident[] = [];
    const emails = new Set<string>();
    for (const s of schedules) {
      for (const r of s.residents) {
        if (emails.has(r.email)) continue;
        emails.add(r.email);
        residents.push(r);
      }
    }
    const first = schedules[0]!;
    const find = <T>(look: (s: Schedule) => T | undefined) => {
      for (const s of schedules) {
        const found = look(s);
        if (found) return found;
      }
      return undefined;
    };
    return {
      ...first,
      residents,
      coverage: first.coverage,
      byEmail: (email) => find((s) => s.byEmail(email)),
      byPlatformId: (platform, id) => find((s) => s.byPlatformId(platform, id)),
      findByName: (query) => schedules.flatMap((s) => s.findByName(query)),
      blockOn: (resident, date) => first.blockOn(resident, date),
      assignmentsOn: (date) => first.assignmentsOn(date),
      assignmentsInMonth: (month) => first.assignmentsInMonth(month),
      covers: (month) => first.covers(month),
    };
  }
  return {
    current() {
      const now = programs.map((p) => p.schedule.current());
      // Rebuilt only when a program's schedule was re-read.
      if (!merged || now.some((s, i) => s !== seen[i])) {
        seen = now;
        merged = build(now);
      }
      return merged;
    },
    close: async () => {},
  };
}
