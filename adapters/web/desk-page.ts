/**
 * The web chat's feedback buttons, the resident's inbox for coordinator replies, and the
 * coordinators' pane: what a coordinator would see in their channel, where a reply can be typed.
 * A second script beside chat.js; it uses the hooks chat.js exposes as window.rotabot.
 */

export const DESK_HTML = `<aside id="desk" hidden aria-label="The coordinators' channel">
  <div class="desk-head"><strong># coordinators</strong> <span class="hint">as a coordinator sees it</span>
    <label>Reply as <input id="coordinator-name" value="Program coordinator" maxlength="100"></label></div>
  <div class="cards"></div>
</aside>`;

export const DESK_CSS = `
.feedbacks { display: flex; gap: .4rem; margin-top: .3rem; }
.feedback { font: inherit; font-size: .8rem; padding: .15rem .6rem; border: 1px solid #ccc; border-radius: 4px; background: #fff; cursor: pointer; }
.feedback:disabled { opacity: .5; cursor: default; }
#desk { position: fixed; top: 3.1rem; right: 0; bottom: 0; width: min(28rem, 45vw); overflow-y: auto;
  border-left: 1px solid #ddd; background: #f8f8f8; padding: .8rem 1rem; }
body.with-desk main, body.with-desk #ask { margin-right: min(28rem, 45vw); }
.desk-head { display: flex; flex-wrap: wrap; gap: .4rem; align-items: baseline; margin-bottom: .6rem; }
.desk-head label { font-size: .8rem; margin-left: auto; }
.desk-head input { font: inherit; font-size: .8rem; padding: .1rem .3rem; width: 11rem; }
.handoff { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .6rem .8rem; margin-bottom: .8rem; }
.handoff h3 { font-size: .95rem; margin: 0 0 .4rem; }
.handoff dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .2rem .6rem; font-size: .85rem; }
.handoff dt { font-weight: 700; }
.handoff dd { margin: 0; white-space: pre-wrap; }
.handoff .status { color: #616061; font-size: .8rem; margin: .4rem 0; }
.handoff .replies { font-size: .85rem; padding-left: 1.1rem; margin: .2rem 0 .4rem; }
.handoff form.reply { display: block; padding: 0; border: 0; margin: .3rem 0 0; }
.handoff textarea { display: block; width: 100%; font: inherit; font-size: .85rem; padding: .3rem; }
.handoff button { font: inherit; font-size: .8rem; margin: .3rem .3rem 0 0; }
.handoff pre { background: #1d1c1d; color: #fff; padding: .5rem; font-size: .75rem; overflow-x: auto; white-space: pre; }
`;

export const DESK_JS = `'use strict';
(function () {
  var hooks = window.rotabot;
  if (!hooks) return;
  var log = document.getElementById('log');
  var desk = document.getElementById('desk');
  var cards = desk.querySelector('.cards');
  var faqs = {};
  var shown = '';

  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) {
        return res.json().then(function (data) {
          if (!res.ok) throw new Error(data && data.message ? data.message : 'HTTP ' + res.status);
          return data;
        });
      });
  }

  log.addEventListener('click', function (event) {
    var button = event.target.closest('button.feedback');
    if (!button) return;
    var group = button.parentNode.querySelectorAll('button.feedback');
    for (var i = 0; i < group.length; i++) group[i].disabled = true;
    var body = { answer: button.dataset.answer, action: button.dataset.action, conversation: hooks.conversation };
    if (hooks.asker()) body.as = hooks.asker();
    post('/api/web/feedback', body)
      .then(function (data) { hooks.add('bot', 'rotabot', function (el) { el.innerHTML = data.html; }); refreshDesk(); })
      .catch(function (error) { hooks.add('bot', 'rotabot', function (el) { el.textContent = 'Sorry, that did not work: ' + error.message; }); });
  });

  // Never re-render under a coordinator who is typing a reply.
  function typing() {
    var areas = cards.querySelectorAll('textarea');
    for (var i = 0; i < areas.length; i++) if (areas[i].value) return true;
    return false;
  }

  function refreshDesk() {
    return fetch('/api/web/desk').then(function (res) { return res.json(); }).then(function (data) {
      if (!data.count || data.html === shown || typing()) return;
      shown = data.html;
      desk.hidden = false;
      document.body.classList.add('with-desk');
      cards.innerHTML = data.html;
      showFaqs();
    }).catch(function () {});
  }

  // The pane may have been redrawn since the button was pressed: look the card up again.
  function showFaqs() {
    Object.keys(faqs).forEach(function (card) {
      var pre = cards.querySelector('article[data-card="' + card + '"] pre.faq');
      if (pre) { pre.textContent = faqs[card]; pre.hidden = false; }
    });
  }

  cards.addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target.closest('form.reply');
    var area = form.querySelector('textarea');
    var text = area.value.trim();
    if (!text) return;
    area.value = '';
    post('/api/web/desk/reply', { card: form.dataset.card, text: text, by: document.getElementById('coordinator-name').value })
      .then(refreshDesk, refreshDesk);
  });

  cards.addEventListener('click', function (event) {
    var button = event.target.closest('button.save-faq');
    if (!button) return;
    post('/api/web/desk/faq', { card: button.dataset.card }).then(function (data) {
      faqs[button.dataset.card] = data.entry;
      showFaqs();
    });
  });

  function pollInbox() {
    return fetch('/api/web/inbox?conversation=' + encodeURIComponent(hooks.conversation))
      .then(function (res) { return res.json(); })
      .then(function (data) {
        (data.messages || []).forEach(function (m) {
          hooks.add('bot', 'rotabot', function (el) { el.innerHTML = m.html; }).classList.add('relayed');
        });
      }).catch(function () {});
  }

  setInterval(function () { refreshDesk(); pollInbox(); }, 1000);
  refreshDesk();
})();
`;
