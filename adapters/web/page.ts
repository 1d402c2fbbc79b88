/** The local web chat page: one HTML file, its stylesheet and script, no build step and no CDN. */
import { formatCount } from '../../src/core/text/numbers.js';
import { DESK_HTML } from './desk-page.js';

/** A small "R" badge, so the browser tab is recognisable among others. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1164a3"/><text x="16" y="23" font-family="Arial, sans-serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">R</text></svg>`;

/** The page, with the longest question the bot reads (MAX_QUESTION_CHARS) as the input's limit. */
export function pageHtml(maxChars: number): string {
  const limit = formatCount(maxChars);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rotabot — local web chat</title>
<link rel="icon" href="/web/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/web/chat.css">
<script src="/web/chat.js" defer></script>
<script src="/web/desk.js" defer></script>
</head>
<body>
<header>
  <div class="title"><span class="hash">#</span> rotabot <span class="hint">local web chat</span></div>
  <label class="who" id="program-picker" hidden>Program
    <select id="program" aria-label="Which program"><option value="">the one I am on (or ask me)</option></select>
  </label>
  <label class="who">You are
    <select id="who" aria-label="Who you are"><option value="">someone not on the schedule</option></select>
  </label>
</header>
<main id="log" aria-live="polite">
  <div class="message bot intro">
    <div class="avatar">R</div>
    <div class="body"><div class="meta"><span class="name">rotabot</span></div>
      <div class="content"><p>Hi! Ask me about the rotations, the schedule and the procedures.</p>
      <p>Pick who you are above, then try a question.</p>
      <div class="suggestions">
        <button type="button" class="suggestion" data-question="What am I on this month?">What am I on this month?</button>
        <button type="button" class="suggestion" data-question="Does IR do TIPS?">Does IR do TIPS?</button>
        <button type="button" class="suggestion" data-question="What does an R4 do?">What does an R4 do?</button>
      </div></div>
    </div>
  </div>
</main>
<form id="ask" autocomplete="off">
  <input id="question" name="question" type="text" placeholder="Message rotabot" aria-label="Your question"
    maxlength="${maxChars}" aria-describedby="limit" autofocus>
  <button type="submit" id="send">Send</button>
  <p id="limit" class="limit">One question at a time, up to ${limit} characters.</p>
</form>
${DESK_HTML}
</body>
</html>
`;
}

export const CHAT_CSS = `
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font: 15px/1.46 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: #1d1c1d; background: #fff; }
header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .4rem 1rem; padding: .6rem 1.2rem;
  border-bottom: 1px solid #ddd; background: #3f0e40; color: #fff; }
.title { font-weight: 700; font-size: 1.05rem; }
.hash { opacity: .7; }
.hint { font-weight: 400; opacity: .7; font-size: .85rem; margin-left: .4rem; }
.who select { margin-left: .4rem; font: inherit; padding: .2rem .3rem; border-radius: 4px; max-width: min(22rem, 100%); }
main { flex: 1; overflow-y: auto; overflow-x: hidden; padding: 1rem 1.2rem; }
.message { display: flex; gap: .6rem; padding: .35rem 0; }
.message .body { min-width: 0; flex: 1; }
/* A long unbroken word (a URL, a pasted id) wraps instead of widening the page on a phone. */
.content { overflow-wrap: anywhere; }
.avatar { flex: 0 0 36px; height: 36px; border-radius: 6px; background: #1164a3; color: #fff; font-weight: 700;
  display: flex; align-items: center; justify-content: center; }
.message.user .avatar { background: #2bac76; }
.meta .name { font-weight: 800; }
.meta .time { color: #616061; font-size: .75rem; margin-left: .4rem; }
.content p { margin: 0 0 .35rem; white-space: normal; }
.content ul { margin: .1rem 0 .4rem; padding-left: 1.3rem; }
.content a { color: #1264a3; }
.user .content { white-space: pre-wrap; }
.suggestions { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .3rem; }
.suggestion { font: inherit; font-size: .85rem; font-weight: 600; padding: .25rem .7rem; border: 1px solid #bbb;
  border-radius: 4px; background: #fff; cursor: pointer; }
.suggestion:hover { background: #f4f4f4; }
.error .content { color: #b3261e; }
form { display: flex; flex-wrap: wrap; gap: .5rem; padding: .8rem 1.2rem 1rem; border-top: 1px solid #ddd; }
#question { flex: 1; min-width: 0; font: inherit; padding: .55rem .7rem; border: 1px solid #aaa; border-radius: 6px; }
.limit { flex-basis: 100%; margin: 0; color: #616061; font-size: .75rem; }
#send { font: inherit; font-weight: 700; padding: .5rem 1rem; border: 0; border-radius: 6px; background: #007a5a; color: #fff; }
#send:disabled { opacity: .6; }
`;

// Plain browser JavaScript: user text goes in with textContent; only the server's escaped HTML uses innerHTML.
export const CHAT_JS = `'use strict';
(function () {
  var log = document.getElementById('log');
  var form = document.getElementById('ask');
  var input = document.getElementById('question');
  var send = document.getElementById('send');
  var who = document.getElementById('who');
  var program = document.getElementById('program');

  function time() {
    return new Date().toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
  }

  function add(kind, name, fill) {
    var row = document.createElement('div');
    row.className = 'message ' + kind;
    var avatar = document.createElement('div');
    avatar.className = 'avatar';
    avatar.textContent = name.charAt(0).toUpperCase();
    var body = document.createElement('div');
    body.className = 'body';
    var meta = document.createElement('div');
    meta.className = 'meta';
    var who = document.createElement('span');
    who.className = 'name';
    who.textContent = name;
    var when = document.createElement('span');
    when.className = 'time';
    when.textContent = time();
    meta.appendChild(who);
    meta.appendChild(when);
    var content = document.createElement('div');
    content.className = 'content';
    fill(content);
    body.appendChild(meta);
    body.appendChild(content);
    row.appendChild(avatar);
    row.appendChild(body);
    log.appendChild(row);
    log.scrollTop = log.scrollHeight;
    return row;
  }

  // One conversation per page: follow-ups ("and April?") are read in its context.
  var conversation = window.crypto && crypto.randomUUID
    ? crypto.randomUUID()
    : Date.now().toString(36) + Math.random().toString(36).slice(2);

  function ask(text) {
    text = text.trim();
    if (!text) return;
    // The server refuses a longer question anyway: say so without echoing a wall of text.
    var max = Number(input.getAttribute('maxlength')) || Infinity;
    if (text.length > max) {
      var row = add('bot', 'rotabot', function (el) {
        el.textContent = 'That message is ' + text.length + ' characters; I read questions of up to ' + max + '. Ask one question at a time.';
      });
      row.classList.add('error');
      return;
    }
    var chosen = who.options[who.selectedIndex];
    var me = chosen && chosen.value ? chosen.dataset.name : 'you';
    add('user', me || 'you', function (el) { el.textContent = text; });
    send.disabled = true;
    var body = { text: text, conversation: conversation };
    if (who.value) body.as = who.value;
    if (program.value) body.program = program.value;
    fetch('/api/web/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) {
        return res.json().then(function (data) {
          if (!res.ok) throw new Error(data && data.message ? data.message : 'HTTP ' + res.status);
          return data;
        });
      })
      .then(function (data) {
        add('bot', 'rotabot', function (el) { el.innerHTML = data.html; });
      })
      .catch(function (error) {
        var row = add('bot', 'rotabot', function (el) { el.textContent = 'Sorry, that did not work: ' + error.message; });
        row.classList.add('error');
      })
      .then(function () {
        send.disabled = false;
        input.focus();
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = '';
    ask(text);
  });

  log.addEventListener('click', function (event) {
    var button = event.target.closest('button.suggestion');
    if (button) ask(button.dataset.question || button.textContent);
  });

  // For desk.js: feedback buttons, coordinator replies and the coordinators' pane.
  window.rotabot = { conversation: conversation, add: add, asker: function () { return who.value; } };

  fetch('/api/web/roster')
    .then(function (res) { return res.json(); })
    .then(function (data) {
      var nobody = who.options[who.options.length - 1];
      (data.people || []).forEach(function (person) {
        var option = document.createElement('option');
        option.value = person.id;
        option.dataset.name = person.name;
        option.textContent = person.name + (person.level ? ' (' + person.level + ')' : '');
        who.insertBefore(option, nobody);
      });
      who.selectedIndex = 0;
      var programs = data.programs || [];
      if (programs.length > 1) {
        programs.forEach(function (p) {
          var option = document.createElement('option');
          option.value = p.id;
          option.textContent = p.name;
          program.appendChild(option);
        });
        document.getElementById('program-picker').hidden = false;
      }
      document.body.dataset.ready = 'true';
    })
    .catch(function () { document.body.dataset.ready = 'true'; });
})();
`;
