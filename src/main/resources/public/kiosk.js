// The foyer kiosk. It starts in the attract loop; a touch opens the awards to browse (large targets, one page at a
// time, chosen by the address's #award-… part), and after the show's idle time without a touch it goes back to
// the loop and the first page. The server sends the kiosk's content on every change of the live show; it is
// swapped in only when the content itself changed (a winner was revealed, the show was edited or replaced).
(function () {
  'use strict';
  var body = document.body;
  var root = document.getElementById('kiosk');
  var idleTimer = null;

  function payload() { return document.getElementById('kiosk-payload'); }
  function idleMillis() { return 1000 * parseInt(payload().dataset.idle, 10); }

  // Shows the page the address names (#award-…), or the awards overview.
  function showPage() {
    var id = window.location.hash.replace(/^#/, '');
    var target = id && document.getElementById(id);
    if (!target || !target.classList.contains('k-page')) { target = document.getElementById('k-home'); }
    document.querySelectorAll('.k-page').forEach(function (page) { page.hidden = page !== target; });
    body.dataset.page = target ? target.id : '';
    window.scrollTo(0, 0);
  }

  function attract() {
    body.classList.add('attract');
    if (window.location.hash) { history.replaceState(null, '', window.location.pathname + window.location.search); }
    showPage();
  }

  function touched() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(attract, idleMillis());
  }

  document.addEventListener('pointerdown', function (e) {
    if (body.classList.contains('attract')) {
      e.preventDefault();
      body.classList.remove('attract');
      showPage();
      // The touch that wakes the kiosk only wakes it: its click must not open the award under the finger.
      var swallow = function (c) { c.preventDefault(); c.stopPropagation(); stop(); };
      var stop = function () { document.removeEventListener('click', swallow, true); };
      document.addEventListener('click', swallow, true);
      setTimeout(stop, 800);     // a touch that became a swipe brings no click: the next real tap must work
    }
    touched();
  }, true);
  ['keydown', 'wheel', 'touchmove'].forEach(function (type) { document.addEventListener(type, touched, { passive: true }); });
  window.addEventListener('hashchange', function () { showPage(); touched(); });
  document.addEventListener('contextmenu', function (e) { e.preventDefault(); });

  document.body.addEventListener('htmx:sseBeforeMessage', function (e) {
    e.preventDefault();             // applied here, and only when something visitors can see changed
    var t = document.createElement('template');
    t.innerHTML = e.detail.data;
    var next = t.content.getElementById('kiosk-payload');
    if (!next) { return; }
    var current = payload();
    if (!current || current.dataset.content !== next.dataset.content) {
      root.textContent = '';
      root.appendChild(document.importNode(next, true));
      showPage();
      window.kuvertScreen.runLoop(document.getElementById('k-loop'));
    } else {
      current.dataset.version = next.dataset.version;
    }
    window.kuvertScreen.shown(next.dataset.version, next.dataset.show, next.dataset.build);
  });

  window.kuvertScreen.fitWindow();
  showPage();
  window.kuvertScreen.runLoop(document.getElementById('k-loop'));
})();
