// The phone remote. Every command carries the version the phone last saw, so a double tap advances once.
(function () {
  'use strict';
  var HOLD_MS = 1200;

  var panel = function () { return document.getElementById('panel-content'); };
  var nextButton = document.getElementById('next');
  var connection = document.getElementById('connection');
  var toast = window.kuvertToast;

  function version() {
    var p = panel();
    return p ? Number(p.dataset.version) : undefined;
  }

  function nextReveals() {
    var p = panel();
    return !!p && p.dataset.nextReveals === 'true';
  }

  function send(body) {
    body.ifVersion = version();
    return window.kuvertControl(body, function () { window.location.reload(); }).then(function (json) {
      if (json && panel() && json.version > version()) {
        // The answer is the new state: use it at once, before the panel's own update arrives.
        panel().dataset.version = json.version;
        panel().dataset.blackout = String(json.blackout);
        panel().dataset.logo = String(json.logo);
        panel().dataset.loop = String(json.loop);
      }
    });
  }

  // --- Next, with press-and-hold before a winner reveal ---
  var holdTimer = null;
  var holdDone = false;
  var pressStartedOnReveal = false;   // the click that ends a hold must not advance a second time

  function updateNextButton() {
    var reveal = nextReveals();
    var looping = !!panel() && panel().dataset.loop === 'true';
    // While the operator console holds the lock, Next is off and says who has control.
    var locked = !!panel() && panel().dataset.locked === 'true';
    nextButton.disabled = locked;
    document.getElementById('prev').disabled = locked;   // Prev would be refused too
    nextButton.classList.toggle('locked', locked);
    nextButton.classList.toggle('reveal', reveal && !locked);
    var t = window.kuvertText;
    var label = locked ? panel().dataset.lockedLabel : reveal ? t('holdToReveal') : looping ? t('goLive') : t('next');
    nextButton.querySelector('.next-label').textContent = label;
    nextButton.setAttribute('aria-label', locked ? label : reveal ? t('holdToRevealLong') : t('next'));
  }

  function cancelHold() {
    clearTimeout(holdTimer);
    holdTimer = null;
    nextButton.classList.remove('holding');
  }

  nextButton.addEventListener('pointerdown', function (e) {
    pressStartedOnReveal = nextReveals();
    if (!pressStartedOnReveal || nextButton.disabled) { return; }
    e.preventDefault();
    holdDone = false;
    nextButton.classList.add('holding');
    holdTimer = setTimeout(function () {
      holdDone = true;
      cancelHold();
      send({ action: 'next' });
    }, HOLD_MS);
  });
  ['pointerup', 'pointerleave', 'pointercancel'].forEach(function (type) {
    nextButton.addEventListener(type, function () {
      if (holdTimer) { cancelHold(); if (!holdDone) { toast(window.kuvertText('keepHolding')); } }
    });
  });
  nextButton.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  nextButton.addEventListener('click', function () {
    var endsAPress = pressStartedOnReveal;
    pressStartedOnReveal = false;
    if (endsAPress || nextReveals()) { return; }   // a reveal happens only through the hold
    send({ action: 'next' });
  });

  document.getElementById('prev').addEventListener('click', function () { send({ action: 'prev' }); });

  // --- Everything in the panel: toggles, jumps, shows ---
  var ask = window.kuvertAsk;

  // The rundown and the show list stay as the presenter left them. Every change (the technician's Next, a screen
  // coming back) swaps the whole panel, and a list opened a moment before snapped shut under their thumb. A list is
  // closed by its summary, or by using it: a jump or a load from it closes it with the update that follows.
  var openLists = {};
  document.addEventListener('toggle', function (e) {
    if (e.target.tagName === 'DETAILS' && e.target.closest('#panel')) { openLists[e.target.className] = e.target.open; }
  }, true);
  document.body.addEventListener('htmx:afterSwap', function () {
    document.querySelectorAll('#panel details').forEach(function (d) { if (openLists[d.className]) { d.open = true; } });
  });
  function used(button) {
    var list = button.closest('details');
    if (list) { openLists[list.className] = false; }
  }

  document.getElementById('panel').addEventListener('click', function (e) {
    var button = e.target.closest('button[data-action]');
    if (!button) { return; }
    var action = button.dataset.action;
    if (action === 'blackout' || action === 'logo' || action === 'loop') {
      send({ action: action, on: button.dataset.on === 'true' });
    } else if (action === 'goto') {
      var slide = Number(button.dataset.slide);
      var go = function () { used(button); send({ action: 'goto', slide: slide, step: 0 }); };
      if (button.dataset.reveals === 'true') { ask(window.kuvertText('confirmReveal'), go); } else { go(); }
    } else if (action === 'load') {
      var rehearsal = button.dataset.rehearsal === 'true';
      ask(window.kuvertText(rehearsal ? 'confirmRehearse' : 'confirmLoad').replace('{title}', button.dataset.title), function () {
        used(button);
        send({ action: 'load', show: button.dataset.show, rehearsal: rehearsal });
      });
    }
  });

  // --- The fixed bar's real height pads the page (presenter.css), so nothing ends under it ---
  var controls = document.querySelector('.controls');
  function padForControls() {
    document.documentElement.style.setProperty('--controls-height', controls.getBoundingClientRect().height + 'px');
  }
  new ResizeObserver(padForControls).observe(controls);
  padForControls();

  // --- Keyboard and presentation clickers (laptop), see clicker.js ---
  window.kuvertClicker(send, nextReveals, toast);

  // --- Connection and clocks ---
  function setConnection(state, text) {
    connection.dataset.state = state;
    connection.textContent = text;
  }
  document.body.addEventListener('htmx:sseOpen', function () { setConnection('live', window.kuvertText('live')); });
  document.body.addEventListener('htmx:sseError', function () { setConnection('lost', window.kuvertText('reconnecting')); });
  document.body.addEventListener('htmx:sseMessage', function () { setConnection('live', window.kuvertText('live')); updateNextButton(); });
  document.body.addEventListener('htmx:afterSettle', function () {
    window.kuvertApplyTexts();
    if (connection.dataset.state === 'live') { connection.textContent = window.kuvertText('live'); }
    updateNextButton();
    keepCurrentLineInView();
  });

  // The line being read aloud must not hide under the Next button.
  function keepCurrentLineInView() {
    var line = document.querySelector('.script .line.current');
    if (!line) { return; }
    var r = line.getBoundingClientRect();
    var bottom = document.querySelector('.controls').getBoundingClientRect().top;
    if (r.top < 60 || r.bottom > bottom) { line.scrollIntoView({ block: 'center', behavior: 'smooth' }); }
  }

  function two(n) { return n < 10 ? '0' + n : '' + n; }
  function tick() {
    var now = new Date();
    document.getElementById('clock').textContent = two(now.getHours()) + ':' + two(now.getMinutes());
    var p = panel();
    var started = p && p.dataset.startedAt ? Number(p.dataset.startedAt) : 0;
    var elapsed = document.getElementById('elapsed');
    if (started) {
      var s = Math.max(0, Math.floor((Date.now() - started) / 1000));
      elapsed.textContent = '+' + Math.floor(s / 60) + ':' + two(s % 60);
    } else {
      elapsed.textContent = '';
    }
  }
  setInterval(tick, 1000);
  tick();
  updateNextButton();
})();
