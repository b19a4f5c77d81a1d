// The operator console. The server sends the whole console on every change (htmx swaps it in); this script scales
// program and preview to their frames, keeps the armed reveal (in this page only: any move or Escape clears it),
// sends commands with the version the console shows, and runs the clocks. Keys: Space/PageDown next, PageUp prev,
// B blackout, L logo, Escape clears an armed reveal, Ctrl+Z undo.
(function () {
  'use strict';
  var body = document.body;
  var connection = document.getElementById('connection');
  var toast = window.kuvertToast;
  var t = function (key) { return window.kuvertText(key); };
  // The version at which the reveal was armed: a console showing any other version is not armed.
  var armedAt = null;

  function content() { return document.getElementById('console-content'); }
  function version() { var c = content(); return c ? Number(c.dataset.version) : undefined; }
  function nextReveals() { var c = content(); return !!c && c.dataset.nextReveals === 'true'; }
  function armed() { return armedAt !== null && armedAt === version(); }

  // Armed on an admin's console, the sealed box shows the winner slide itself (the admin's preview of the stored show,
  // never in a rehearsal, whose real winners stay on the server): the last look before the room sees it.
  function showArmed() {
    if (!armed()) { armedAt = null; }
    body.classList.toggle('armed', armed());
    var box = document.querySelector('#preview[data-sealed]');
    var frame = box && box.querySelector('iframe');
    var c = content();
    var look = armed() && box && body.dataset.admin === 'true' && box.dataset.rehearsal !== 'true';
    if (look && !frame) {
      frame = document.createElement('iframe');
      frame.className = 'armed-look';
      frame.title = 'armed';
      frame.src = '/admin/shows/' + encodeURIComponent(c.dataset.show) + '/preview?frame=1&step=0&slide=' + box.dataset.slide;
      box.appendChild(frame);
    } else if (!look && frame) {
      frame.remove();
    }
  }

  function send(command) {
    command.ifVersion = version();
    armedAt = null;
    showArmed();
    return window.kuvertControl(command, function () { window.location.reload(); });
  }

  function next() {
    if (nextReveals() && !armed()) { toast(t('armFirst')); return; }
    send({ action: 'next' });
  }

  function toggle(action) {
    var c = content();
    send({ action: action, on: !(c && c.dataset[action] === 'true') });
  }

  // The name the phone shows while this console has control; kept in this browser for the next time.
  var nameInput = document.getElementById('operator-name');
  try { nameInput.value = localStorage.getItem('kuvert.operatorName') || ''; } catch (e) { /* no storage: no memory */ }
  nameInput.addEventListener('change', function () {
    try { localStorage.setItem('kuvert.operatorName', nameInput.value.trim()); } catch (e) { /* no storage */ }
  });

  // --- The lock: which of its buttons this console shows depends on whether it holds it ---
  function showLock() {
    var c = content();
    if (!c) { return; }
    // JTE leaves out an attribute whose value is empty or false.
    var holder = c.dataset.lockSession || '';
    var mine = holder !== '' && holder === body.dataset.session;
    document.getElementById('take-control').hidden = mine;
    document.getElementById('hand-back').hidden = !mine;
    document.getElementById('you-have-control').hidden = !mine;
    document.getElementById('lock-status').hidden = mine || holder === '';
    body.classList.toggle('in-control', mine);
  }

  // --- Sound cues: stop what plays on the big screen, mute its output; not a change of the show, so no version ---
  var muted = false;
  function showMuted() {
    var button = document.getElementById('mute-toggle');
    if (!button) { return; }
    button.classList.toggle('on', muted);
    button.setAttribute('aria-pressed', String(muted));
    button.firstChild.textContent = (muted ? t('muted') : t('mute')) + ' ';
  }
  function sound(command) {
    window.kuvertControl(command, function () { window.location.reload(); }).then(function (answer) {
      if (answer) { muted = answer.muted; showMuted(); }
    });
  }
  // Another console (or the Stream Deck) may have muted it: ask again whenever the console is redrawn.
  function askMuted() {
    fetch('/display/sound', { credentials: 'same-origin', cache: 'no-store' }).then(function (r) { return r.json(); })
      .then(function (json) { muted = json.muted === true; showMuted(); }, function () { /* keep what we knew */ });
  }

  // --- A jump that reveals a winner asks first ---
  var confirmBox = document.getElementById('confirm');
  function ask(text, action) {
    window.kuvertAsk(text, action);
    document.getElementById('confirm-cancel').focus();   // Enter or Space cancels: a reveal takes the click on Yes
  }

  document.getElementById('console').addEventListener('click', function (e) {
    var button = e.target.closest('button[data-action]');
    if (!button) { return; }
    var action = button.dataset.action;
    if (action === 'next') { next(); }
    else if (action === 'prev' || action === 'undo') { send({ action: action }); }
    else if (action === 'blackout' || action === 'logo') { send({ action: action, on: button.dataset.on === 'true' }); }
    else if (action === 'sound-stop') { sound({ action: 'sound', do: 'stop' }); }
    else if (action === 'mute') { sound({ action: 'mute', on: !muted }); }
    else if (action === 'arm') { armedAt = version(); showArmed(); }
    else if (action === 'lock') {
      var command = { action: 'lock', on: button.dataset.on === 'true' };
      if (command.on && nameInput.value.trim()) { command.name = nameInput.value.trim(); }
      send(command);
    }
    else if (action === 'goto') {
      var go = function () { send({ action: 'goto', slide: Number(button.dataset.slide), step: Number(button.dataset.step) }); };
      if (button.dataset.reveals === 'true') { ask(t('confirmReveal'), go); } else { go(); }
    }
  });

  document.addEventListener('keydown', function (e) {
    if (e.target.closest('input, textarea, select, [contenteditable]') || e.altKey || e.metaKey) { return; }
    var key = e.key;
    if (!confirmBox.hidden) {
      if (key === 'Escape') { e.preventDefault(); window.kuvertAsk.close(); }
      return;   // the open question takes the keyboard: Enter or Space presses its focused button
    }
    if (e.ctrlKey) {
      if ((key === 'z' || key === 'Z') && !e.repeat) { e.preventDefault(); send({ action: 'undo' }); }
      return;
    }
    if (key === ' ' || key === 'PageDown') {
      e.preventDefault();
      // Space on a focused button would press it too when the key comes up.
      if (document.activeElement && document.activeElement.tagName === 'BUTTON') { document.activeElement.blur(); }
      if (!e.repeat) { next(); }
    } else if (key === 'PageUp') {
      e.preventDefault();
      if (!e.repeat) { send({ action: 'prev' }); }
    } else if (key === 'b' || key === 'B') {
      e.preventDefault();
      if (!e.repeat) { toggle('blackout'); }
    } else if (key === 'm' || key === 'M') {
      e.preventDefault();
      if (!e.repeat) { sound({ action: 'mute', on: !muted }); }
    } else if (key === 'l' || key === 'L') {
      e.preventDefault();
      if (!e.repeat) { toggle('logo'); }
    } else if (key === 'Escape') {
      e.preventDefault();
      armedAt = null;
      showArmed();
    }
  });

  // --- Program and preview are the big screen's 1920x1080 stage, scaled into their frames ---
  function fit() {
    document.querySelectorAll('.console .frame').forEach(function (frame) {
      frame.style.setProperty('--scale', String(frame.clientWidth / 1920));
    });
  }
  window.addEventListener('resize', fit);

  // The current row of the rundown stays in view.
  function showCurrentRow() {
    var row = document.querySelector('#rundown .row.current');
    var list = document.querySelector('.console .rundown');
    if (!row || !list) { return; }
    var r = row.getBoundingClientRect(), box = list.getBoundingClientRect();
    if (r.top < box.top || r.bottom > box.bottom) { row.scrollIntoView({ block: 'center' }); }
  }

  function tick() { window.kuvertClocks(content()); }

  // The console is no loudspeaker: its pictures' media are muted, and the preview's video waits at its first frame.
  function quiet() {
    document.querySelectorAll('.console video, .console audio').forEach(function (media) {
      media.muted = true;
      if (media.closest('#preview')) { media.autoplay = false; media.pause(); }
    });
  }
  body.addEventListener('htmx:afterSwap', quiet);
  quiet();

  function refresh() { fit(); showArmed(); showLock(); showCurrentRow(); tick(); showMuted(); }

  body.addEventListener('htmx:sseOpen', function (e) {
    if (e.target.id !== 'console') { return; }
    connection.dataset.state = 'live';
    connection.textContent = t('live');
    askMuted();
  });
  body.addEventListener('htmx:sseError', function (e) {
    if (e.target.id !== 'console') { return; }
    connection.dataset.state = 'lost';
    connection.textContent = t('reconnecting');
  });
  body.addEventListener('htmx:afterSettle', function () {
    window.kuvertApplyTexts();
    if (connection.dataset.state === 'live') { connection.textContent = t('live'); }
    refresh();
  });
  setInterval(tick, 1000);
  refresh();
})();
