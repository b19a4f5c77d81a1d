// What every screen of the room (big screen, stage monitor, kiosk) does besides showing the show: it tells the
// server every two seconds which version it shows and how much of the show's media it has loaded, with the round
// trip of its previous report; it says goodbye when the page closes; and it reloads itself when the server it
// talks to is a newer build than the one its page came from. Reports carry the token that the screen's stream sent
// as its first event (each stream, also a reconnected one, has its own); the server ignores reports without it.
(function () {
  'use strict';
  var body = document.body;
  var rtt = null, sending = false, again = false, token = null;
  var SOUND = /\.(mp3|ogg|wav)$/i;

  function takeToken(e) {
    var first = token === null;
    token = e.data;
    if (first) { beat(); }
  }
  body.addEventListener('htmx:sseOpen', function (e) { e.detail.source.addEventListener('screen', takeToken); });

  function loaded() {
    var box = document.getElementById('preload');
    var n = 0, total = 0;
    if (box) {
      box.querySelectorAll('img, video, audio').forEach(function (m) {
        total++;
        if (m.tagName === 'IMG' ? (m.complete && m.naturalWidth > 0) : m.readyState >= 3) { n++; }
      });
    }
    return { preloaded: n, media: total };
  }

  function beat() {
    if (token === null) { return; }
    if (sending) { again = true; return; }
    sending = true;
    var media = loaded();
    var version = parseInt(body.dataset.version || '-1', 10);
    var started = performance.now();
    fetch('/screens/heartbeat', {
      method: 'POST', cache: 'no-store', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ screen: body.dataset.screen, kind: body.dataset.kind, token: token,
        version: isNaN(version) ? -1 : version, preloaded: media.preloaded, media: media.media, rtt: rtt })
    }).then(function () { rtt = Math.round(performance.now() - started); }, function () { rtt = null; })
      .then(function () {
        sending = false;
        if (again) { again = false; beat(); }
      });
  }

  // Replaces the preload list when another show was loaded, so its media are ready before they are needed. When the
  // list cannot be had (the Wi-Fi dropped), the old show's media are not counted as the new one's (the phone sees the
  // screen not ready) and the list is asked for again two seconds later, for the show on screen then.
  var showOnScreen = null, preloadAgain = null;
  function preloadShow(showId) {
    var box = document.getElementById('preload');
    if (!box || !showId || box.dataset.show === showId) { return; }
    box.dataset.show = showId;
    clearTimeout(preloadAgain);
    fetch('/display/preload', { cache: 'no-store' }).then(function (r) {
      if (!r.ok) { throw new Error('the preload list answered ' + r.status); }
      return r.json();
    }).then(function (paths) {
      box.textContent = '';
      // Only the audio output loads the sounds; the other screens never play them.
      paths = paths.filter(function (path) { return body.dataset.audio === 'true' || !SOUND.test(path); });
      paths.forEach(function (path) {
        var video = /\.(mp4|webm)$/i.test(path);
        var sound = SOUND.test(path);
        var el = document.createElement(video ? 'video' : sound ? 'audio' : 'img');
        if (video) { el.preload = 'auto'; el.muted = true; } else if (sound) { el.preload = 'auto'; el.dataset.sound = path; } else { el.alt = ''; }
        el.addEventListener(video || sound ? 'canplay' : 'load', beat);
        el.src = '/media/' + path;
        box.appendChild(el);
      });
      box.dataset.count = String(paths.length);
      beat();
    }).catch(function () {
      if (box.dataset.show !== showId) { return; }   // another show's list was asked for since
      delete box.dataset.show;
      box.textContent = '';
      box.dataset.count = '0';
      beat();
      preloadAgain = setTimeout(function () { preloadShow(showOnScreen); }, 2000);
    });
  }

  document.querySelectorAll('#preload img, #preload video, #preload audio').forEach(function (m) {
    m.addEventListener(m.tagName === 'IMG' ? 'load' : 'canplay', beat);
  });

  // A medium that failed to load (the Wi-Fi dropped, the server restarted, the page was reloaded while it came in)
  // is fetched again, 1, 2, 4, 8 and then every 15 seconds, for as long as it is on the page: a logo broken once
  // would otherwise stay broken on every slide that shows it. An image's src is set again to the same address (the
  // browser then tries again instead of keeping the error), so the slide's markup stays what the server sent; a
  // video or sound loads again only if it never had a frame, so nothing that played starts over.
  var RETRY_MS = [1000, 2000, 4000, 8000, 15000];
  function failed(m) { return m.tagName === 'IMG' ? m.complete && m.naturalWidth === 0 : !!m.error; }
  function retryLater(m) {
    if ((m.tagName !== 'IMG' && m.readyState >= 2) || m.kuvertRetry) { return; }   // one retry waits at a time
    var src = m.getAttribute('src');
    var tries = m.kuvertRetries = (m.kuvertRetries || 0) + 1;
    m.kuvertRetry = setTimeout(function () {
      m.kuvertRetry = null;
      if (!m.isConnected) { return; }
      if (m.getAttribute('src') !== src) {   // given another address meanwhile: that one is retried if it failed
        if (failed(m)) { retryLater(m); }
        return;
      }
      if (m.tagName === 'IMG') { m.setAttribute('src', src); } else { m.load(); }
    }, RETRY_MS[Math.min(tries, RETRY_MS.length) - 1]);
  }
  function retriable(m) { return m && ['IMG', 'VIDEO', 'AUDIO'].indexOf(m.tagName) >= 0 && m.hasAttribute('src'); }
  document.addEventListener('error', function (e) { if (retriable(e.target)) { retryLater(e.target); } }, true);
  document.addEventListener('load', function (e) { if (e.target) { e.target.kuvertRetries = 0; } }, true);
  // What failed while the page was still coming in, before this script listened (decode fails only for a broken image).
  document.querySelectorAll('img[src], video[src], audio[src]').forEach(function (m) {
    if (!failed(m)) { return; }
    if (m.tagName !== 'IMG') { retryLater(m); } else { m.decode().catch(function () { if (failed(m)) { retryLater(m); } }); }
  });
  setInterval(beat, 2000);
  beat();
  window.addEventListener('pagehide', function () {
    if (token !== null) {
      navigator.sendBeacon('/screens/bye', JSON.stringify({ screen: body.dataset.screen, kind: body.dataset.kind, token: token }));
    }
  });

  // Runs the attract loop found in container: its frames cross-fade in turn, each for the loop's dwell time, with
  // one timer and no new elements. A new loop (other content) starts from its first frame; the same one runs on.
  function runLoop(container) {
    var state = container.kuvertLoop || (container.kuvertLoop = { slide: null, timer: null });
    var slide = container.querySelector('.slide.kind-loop:not(.leaving)');
    if (slide === state.slide) { return; }
    clearTimeout(state.timer);
    state.slide = slide;
    if (!slide) { return; }
    var dwell = parseInt(slide.dataset.dwell, 10) || 8000;
    var frames = slide.querySelectorAll(':scope > .loop-frame');
    var index = 0;
    function turn() {
      if (state.slide !== slide || frames.length < 2) { return; }
      frames[index].classList.remove('current');
      index = (index + 1) % frames.length;
      frames[index].classList.add('current');
      slide.dataset.current = String(index);
      state.timer = setTimeout(turn, dwell);
    }
    slide.dataset.current = '0';
    state.timer = setTimeout(turn, dwell);
  }

  // Scales the 1920x1080 stage to the window, letterboxed (display.css centres it), now and on every resize.
  function fitWindow() {
    function fit() {
      document.documentElement.style.setProperty('--scale', String(Math.min(window.innerWidth / 1920, window.innerHeight / 1080)));
    }
    window.addEventListener('resize', fit);
    fit();
  }

  var soon = null;
  window.kuvertScreen = {
    runLoop: runLoop,
    fitWindow: fitWindow,
    // A new version is on screen: report it shortly (not in the middle of its transition) rather than at the next
    // beat, so the phone never sees it behind.
    shown: function (version, showId, build) {
      if (build && body.dataset.build && build !== body.dataset.build) {
        window.location.reload();
        return;
      }
      if (version !== undefined && version !== null && version !== '') { body.dataset.version = String(version); }
      showOnScreen = showId;
      preloadShow(showId);
      clearTimeout(soon);
      soon = setTimeout(beat, 300);
    }
  };
})();
