// The stage monitor: the server sends the whole monitor on every change (htmx swaps it in); this script scales
// the two 1920x1080 previews to their frames, runs the clock, the show's elapsed time and the segment countdown,
// reports to the server what it shows (screen.js), and, when opened by a logged-in presenter, lets a clicker drive
// the show. There are no buttons to hit by accident.
(function () {
  'use strict';
  var body = document.body;
  var connection = document.getElementById('connection');

  function content() { return document.getElementById('monitor-content'); }

  function fit() {
    document.querySelectorAll('.monitor .frame').forEach(function (frame) {
      frame.style.setProperty('--scale', String(frame.clientWidth / 1920));
    });
  }
  // The line to read now must be whole in its box: a long paragraph first gets smaller text (not below
  // FLOOR_PX), then smaller previews (the monitor turns 'tight'), and only then would it scroll, top first.
  var FLOOR_PX = 26, TIGHT_FLOOR_PX = 22;
  function fitCurrentLine(read, current) {
    var monitor = content();
    current.style.fontSize = '';
    monitor.classList.remove('tight');
    fit();
    var largest = parseFloat(getComputedStyle(current).fontSize);
    function fits() { return current.offsetHeight <= read.clientHeight; }
    function shrinkTo(floor) {
      if (fits()) { return true; }
      var low = Math.min(floor, largest), high = largest;
      current.style.fontSize = low + 'px';
      if (!fits()) { return false; }
      while (high - low > 0.5) {
        var mid = (low + high) / 2;
        current.style.fontSize = mid + 'px';
        if (fits()) { low = mid; } else { high = mid; }
      }
      current.style.fontSize = low + 'px';
      return true;
    }
    if (shrinkTo(FLOOR_PX)) { return; }
    current.style.fontSize = '';
    monitor.classList.add('tight');
    fit();
    shrinkTo(TIGHT_FLOOR_PX);
  }

  // The read-aloud box scrolls itself (the page never does): the line to read now is in view, its top first
  // when it is taller than the box.
  function keepCurrentLineInView() {
    var read = document.querySelector('.monitor .read');
    var current = read && read.querySelector('.line.current');
    if (!current) { return; }
    fitCurrentLine(read, current);
    var box = read.getBoundingClientRect();
    var line = current.getBoundingClientRect();
    var top = Math.floor(line.top - box.top + read.scrollTop);
    var bottom = Math.ceil(line.bottom - box.top + read.scrollTop);
    read.scrollTop = Math.min(top, Math.max(0, bottom - read.clientHeight));
  }

  function layout() { fit(); keepCurrentLineInView(); }
  window.addEventListener('resize', layout);
  layout();

  function tick() { window.kuvertClocks(content()); }
  setInterval(tick, 1000);
  tick();

  function shown() {
    var c = content();
    if (c) { window.kuvertScreen.shown(c.dataset.version, c.dataset.show, c.dataset.build); }
  }

  document.body.addEventListener('htmx:sseOpen', function () { connection.dataset.state = 'live'; connection.textContent = window.kuvertText('live'); });
  document.body.addEventListener('htmx:sseError', function () { connection.dataset.state = 'lost'; connection.textContent = window.kuvertText('reconnecting'); });
  document.body.addEventListener('htmx:afterSettle', function () {
    window.kuvertApplyTexts();
    if (connection.dataset.state === 'live') { connection.textContent = window.kuvertText('live'); }
    layout(); tick(); shown();
  });

  if (body.dataset.control === 'true') {
    window.kuvertClicker(function (command) {
      var c = content();
      command.ifVersion = c ? Number(c.dataset.version) : undefined;
      return window.kuvertControl(command);
    }, function () {
      var c = content();
      return !!c && c.dataset.nextReveals === 'true';
    }, window.kuvertToast);
  }
})();
