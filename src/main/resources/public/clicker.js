// What the presenter page and the stage monitor share to control the show.

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
      if (response.status === 409) { toast('The show had already moved on. Nothing changed.'); }
      else if (!response.ok) { toast(json.error || 'That did not work.'); }
      else { return json; }
      return null;
    }, function () { toast('That did not work.'); return null; });
  }, function () { toast('No connection to Kuvert. Nothing was sent.'); return null; });
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
        toast('Press again to reveal the winner.');
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
