// What the presenter page and the stage monitor share to control the show.

// A word of the page in the live show's language: the server puts them on the swapped content ([data-texts]).
window.kuvertText = function (key) {
  var holder = document.querySelector('[data-texts]');
  var texts = holder && holder.kuvertTexts;
  if (holder && !texts) {
    try { texts = holder.kuvertTexts = JSON.parse(holder.dataset.texts); } catch (e) { texts = {}; }
  }
  return (texts && texts[key]) || key;
};

// Puts the live show's words on what the server rendered once with the page: [data-text] (text), [data-text-title]
// and [data-text-label] (aria-label), and the page's language.
window.kuvertApplyTexts = function () {
  var t = window.kuvertText;
  var holder = document.querySelector('[data-lang]');
  if (holder) { document.documentElement.lang = holder.dataset.lang; }
  document.querySelectorAll('[data-text]').forEach(function (el) { el.textContent = t(el.dataset.text); });
  document.querySelectorAll('[data-text-title]').forEach(function (el) { el.title = t(el.dataset.textTitle); });
  document.querySelectorAll('[data-text-label]').forEach(function (el) { el.setAttribute('aria-label', t(el.dataset.textLabel)); });
};

// A short message in the page's #toast.
window.kuvertToast = (function () {
  var timer = null;
  return function (text) {
    var el = document.getElementById('toast');
    el.textContent = text;
    el.classList.add('show');
    clearTimeout(timer);
    timer = setTimeout(function () { el.classList.remove('show'); }, 2500);
  };
})();

// The clocks of the stage monitor and the operator console: #clock (the time of day), #elapsed (since the show
// started) and #countdown (the award's segment, from its planned minutes), from the data-* of the swapped content.
window.kuvertClocks = function (c) {
  function two(n) { return n < 10 ? '0' + n : '' + n; }
  function minutes(s) { return Math.floor(s / 60) + ':' + two(s % 60); }
  var now = new Date();
  document.getElementById('clock').textContent = two(now.getHours()) + ':' + two(now.getMinutes()) + ':' + two(now.getSeconds());
  var started = c && c.dataset.startedAt ? Number(c.dataset.startedAt) : 0;
  document.getElementById('elapsed').textContent = started ? minutes(Math.max(0, Math.floor((Date.now() - started) / 1000))) : '–';
  var countdown = document.getElementById('countdown');
  var planned = c && c.dataset.segmentMinutes ? Number(c.dataset.segmentMinutes) * 60 : 0;
  if (planned && c.dataset.segmentStarted) {
    var left = planned - Math.floor((Date.now() - Number(c.dataset.segmentStarted)) / 1000);
    countdown.hidden = false;
    // The award's name in its own span, so a long one can be cut short (operator.css) and the time stays whole.
    var text = left >= 0 ? '{0} ' + minutes(left) : window.kuvertText('overBy').replace('{1}', minutes(-left));
    var at = text.indexOf('{0}');
    var name = document.createElement('span');
    name.className = 'segment-name';
    name.textContent = c.dataset.segment;
    countdown.replaceChildren(text.slice(0, at), name, text.slice(at + 3));
    countdown.dataset.state = left < 0 ? 'over' : left <= 60 ? 'last-minute' : 'ok';
  } else {
    countdown.hidden = true;
  }
};

// Asks a question in the page's #confirm box and runs action on Yes; kuvertAsk.close() cancels it.
window.kuvertAsk = (function () {
  var pending = null;
  var box = null;
  function close() {
    if (box) { box.hidden = true; }
    pending = null;
  }
  function ask(text, action) {
    if (!box) {
      box = document.getElementById('confirm');
      document.getElementById('confirm-cancel').addEventListener('click', close);
      document.getElementById('confirm-ok').addEventListener('click', function () {
        var a = pending;
        close();
        if (a) { a(); }
      });
    }
    document.getElementById('confirm-text').textContent = text;
    pending = action;
    box.hidden = false;
  }
  ask.close = close;
  return ask;
})();

// Sends a command to the control API. When nothing changed, says why in a toast; resolves with the new state, or
// with null. A 401 goes to onUnauthorized when given (else it is told like any other refusal).
window.kuvertControl = function (command, onUnauthorized) {
  var toast = window.kuvertToast;
  return fetch('/api/control', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
    body: JSON.stringify(command)
  }).then(function (response) {
    if (response.status === 401 && onUnauthorized) { onUnauthorized(); return null; }
    return response.json().then(function (json) {
      if (response.status === 409) { toast(window.kuvertText('stale')); }
      else if (!response.ok) { toast(json.error || window.kuvertText('failed')); }
      else { return json; }
      return null;
    }, function () { toast(window.kuvertText('failed')); return null; });
  }, function () { toast(window.kuvertText('offline')); return null; });
};

// Keyboard and presentation clickers on a laptop: Page Down, arrows, space and Enter go on; Page Up and arrows go
// back; B or . blacks the screen out; L shows the logo. A winner reveal needs a second press within three seconds,
// so a clicker bumped in a pocket cannot open the envelope.
window.kuvertClicker = function (send, nextReveals, toast) {
  'use strict';
  var KEY_CONFIRM_MS = 3000;
  var keyArmedUntil = 0;
  document.addEventListener('keydown', function (e) {
    if (e.target.closest('input, textarea, select') || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var key = e.key;
    if (key === 'PageDown' || key === 'ArrowRight' || key === 'ArrowDown' || key === ' ' || key === 'Enter') {
      e.preventDefault();
      if (e.repeat) { return; }
      if (nextReveals() && Date.now() > keyArmedUntil) {
        keyArmedUntil = Date.now() + KEY_CONFIRM_MS;
        toast(window.kuvertText('pressAgain'));
        return;
      }
      keyArmedUntil = 0;
      send({ action: 'next' });
    } else if (key === 'PageUp' || key === 'ArrowLeft' || key === 'ArrowUp') {
      e.preventDefault();
      if (!e.repeat) { send({ action: 'prev' }); }
    } else if (key === 'b' || key === 'B' || key === '.') {
      e.preventDefault();
      if (!e.repeat) { send({ action: 'blackout' }); }   // a toggle; ifVersion keeps it from toggling twice
    } else if (key === 'l' || key === 'L') {
      e.preventDefault();
      if (!e.repeat) { send({ action: 'logo' }); }
    }
  });
};
