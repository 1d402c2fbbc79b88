import type { Config } from '../../src/config.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { escapeHtml as e } from '../web/render.js';
import { storedRecords, storedWhere } from './stored.js';

/**
 * The three plain pages a Teams app links to (website, privacy, terms), written from the
 * knowledge base and the configuration: the programs' names and contacts, what this deployment
 * keeps and for how long. They show no resident's data.
 */

export type InfoPage = 'about' | 'privacy' | 'terms';
export const INFO_PAGES: readonly InfoPage[] = ['about', 'privacy', 'terms'];

type Program = Knowledge['program'];
export type PageConfig = Pick<Config, 'slackEnabled' | 'teamsEnabled'> & Parameters<typeof storedRecords>[0];

const BOT = 'Rotabot';
const TITLES: Record<InfoPage, string> = { about: 'About', privacy: 'Privacy', terms: 'Terms of use' };

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}' +
  'table{border-collapse:collapse}td,th{border-top:1px solid #ccc;padding:.4rem .6rem;text-align:left;vertical-align:top}' +
  'nav{margin-top:2rem;border-top:1px solid #ccc;padding-top:.5rem}';

/** "the IR residency program coordinator (email), or #channel", linked where it can be. */
export function contactHtml(contact: Program['contact']): string {
  const ways = [
    contact.email && `<a href="mailto:${e(contact.email)}">${e(contact.email)}</a>`,
    contact.channel && `the channel ${e(contact.channel)}`,
  ].filter(Boolean);
  return `${e(contact.name)}${ways.length ? ` (${ways.join(', or ')})` : ''}`;
}

function forWhom(programs: readonly Program[]): string {
  if (programs.length === 1) return programs[0]!.name;
  return programs.map((p) => p.name).join(', ');
}

function contactsHtml(programs: readonly Program[]): string {
  if (programs.length === 1) return `<p>Questions or corrections: ${contactHtml(programs[0]!.contact)}.</p>`;
  const items = programs.map((p) => `<li>${e(p.name)}: ${contactHtml(p.contact)}</li>`).join('');
  return `<p>Questions or corrections, for each program:</p><ul>${items}</ul>`;
}

function where(config: PageConfig): string[] {
  const places: string[] = [];
  if (config.slackEnabled)
    places.push(
      'In Slack: send it a direct message, mention @rotabot in a channel (it answers in the thread), ' +
        'use /rotabot followed by your question, or open its Home tab.',
    );
  if (config.teamsEnabled)
    places.push('In Microsoft Teams: chat with it personally, or @mention it in a channel or group chat.');
  if (!places.length) places.push('In the local web chat of the server it runs on.');
  return places;
}

function about(programs: readonly Program[], config: PageConfig): string {
  const list = programs.map((p) => `<li>${e(p.name)}, ${e(p.institution)}</li>`).join('');
  return [
    `<p>${BOT} answers residents’ questions about ${e(forWhom(programs))}: who is on which rotation, `,
    'your own schedule, what each rotation and training year involves, which procedures the program ',
    'does, and whom to ask. It also posts the monthly rotation announcement and reminds each resident ',
    'before a rotation starts.</p>',
    programs.length > 1 ? `<p>It serves these programs:</p><ul>${list}</ul>` : '',
    '<h2>Where to ask</h2>',
    `<ul>${where(config)
      .map((w) => `<li>${e(w)}</li>`)
      .join('')}</ul>`,
    '<h2>Where the answers come from</h2>',
    '<p>From files the program keeps: a description of the program, its rotations, procedures and ',
    'training years, and the rotation schedule its coordinators maintain. When the files do not ',
    'cover a question, the bot says so and names whom to ask; it does not guess.</p>',
    contactsHtml(programs),
  ].join('');
}

function privacy(programs: readonly Program[], config: PageConfig): string {
  const rows = storedRecords(config, { programs: programs.length })
    .map((r) => `<tr><td>${e(r.what)}</td><td>${e(r.kept)}</td></tr>`)
    .join('');
  return [
    `<p>${BOT} is run by ${e(forWhom(programs))} for its residents, faculty and staff.</p>`,
    '<h2>What it reads</h2>',
    '<p>The program’s rotation schedule (names, emails, training levels and rotations of its ',
    'residents), kept by the coordinators; and, when you write to it, the email Slack or Microsoft Teams ',
    'reports for your account, to find you on that schedule. Answers never show anyone’s email.</p>',
    '<h2>What it keeps, and for how long</h2>',
    `<p>Records are kept ${e(storedWhere(config))}, and deleted when the time given below is up.</p>`,
    `<table><thead><tr><th>what</th><th>kept</th></tr></thead><tbody>${rows}</tbody></table>`,
    '<h2>Logs</h2>',
    '<p>The server logs each request (method, path, status and time taken, never its body) and ',
    'each answer by its topic. The text of your messages is not logged at the normal (info) level: ',
    'only when an operator turns on debug logging to look into a fault. Calendar links are never ',
    'written to the logs.</p>',
    '<h2>Whom it tells</h2>',
    '<p>Answers go back only where you asked, through Slack or Microsoft Teams. A question you hand ',
    'to the coordinators goes to their channel, with your name and training level, not your ',
    'email. What it keeps goes nowhere else, and these pages set no cookies.</p>',
    contactsHtml(programs),
  ].join('');
}

function terms(programs: readonly Program[]): string {
  return [
    `<p>${BOT} is provided by ${e(forWhom(programs))} for its residents, faculty and staff.</p>`,
    '<ul>',
    '<li>Its answers come from the program’s own files and can be out of date or wrong. The ',
    'official schedule and the program’s coordinators have the last word.</li>',
    '<li>It is not for patient care, clinical decisions or emergencies. Do not send it patient ',
    'information (names, record numbers, images).</li>',
    '<li>It answers a limited number of questions per person per minute.</li>',
    '<li>The program may change or stop the service at any time; this page says what applies.</li>',
    '</ul>',
    contactsHtml(programs),
  ].join('');
}

/** One page as a whole HTML document; `programs` are those this deployment serves (at least one). */
export function infoPageHtml(page: InfoPage, programs: readonly Program[], config: PageConfig): string {
  const body =
    page === 'about'
      ? about(programs, config)
      : page === 'privacy'
        ? privacy(programs, config)
        : terms(programs);
  const heading = `${TITLES[page]} — ${BOT} for ${forWhom(programs)}`;
  const nav = INFO_PAGES.map((p) => `<a href="./${p}">${TITLES[p]}</a>`).join(' · ');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${e(heading)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${e(heading)}</h1>${body}<nav>${nav}</nav></main></body></html>\n`
  );
}
