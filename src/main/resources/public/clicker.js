// Keyboard and presentation clickers on a laptop (the presenter page and the stage monitor): Page Down, arrows,
// space and Enter go on; Page Up and arrows go back; B or . blacks the screen out; L shows the logo. A winner
// reveal needs a second press within three seconds, so a clicker bumped in a pocket cannot open the envelope.
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
