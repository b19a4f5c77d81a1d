// The big screen. The server pushes the rendered stage on every change; this script applies it without
// flicker: a step keeps every element that is already on screen and only brings in what is new, a slide
// change cross-fades. When the stream drops, the last slide stays and a small dot appears in a corner.
// In loop mode the stage is the attract loop: its frames are all in the page and cross-fade in turn, each
// for the show's dwell time, with one timer and no new elements, so it can run for hours.
(function () {
  'use strict';
  var stage = document.getElementById('stage');
  var dot = document.getElementById('connection-dot');

  window.kuvertScreen.fitWindow();

  function parse(html) {
    var t = document.createElement('template');
    t.innerHTML = html;
    return t.content;
  }

  // Brings an element in with the CSS transition of its 'pre-enter' state.
  function enter(el) {
    el.classList.add('pre-enter');
    requestAnimationFrame(function () { requestAnimationFrame(function () { el.classList.remove('pre-enter'); }); });
  }

  function sameAttributes(a, b) {
    if (a.attributes.length !== b.attributes.length) { return false; }
    for (var i = 0; i < b.attributes.length; i++) {
      if (a.getAttribute(b.attributes[i].name) !== b.attributes[i].value) { return false; }
    }
    return true;
  }

  function copyAttributes(from, to) {
    for (var i = to.attributes.length - 1; i >= 0; i--) {
      if (!from.hasAttribute(to.attributes[i].name)) { to.removeAttribute(to.attributes[i].name); }
    }
    for (var j = 0; j < from.attributes.length; j++) { to.setAttribute(from.attributes[j].name, from.attributes[j].value); }
  }

  function sameShape(a, b) {
    if (a.children.length !== b.children.length || a.children.length === 0) { return false; }
    for (var i = 0; i < a.children.length; i++) {
      if (a.children[i].tagName !== b.children[i].tagName) { return false; }
    }
    return true;
  }

  function byId(parent, id) {
    for (var i = 0; i < parent.children.length; i++) { if (parent.children[i].id === id) { return parent.children[i]; } }
    return null;
  }

  // Makes oldEl look like newEl, touching as little as possible: equal elements stay as they are (no
  // re-render, no re-decoded image), changed classes are set in place (so CSS transitions run), children with
  // ids are matched by id, and only what is really new is inserted and brought in.
  function patch(oldEl, newEl) {
    if (!sameAttributes(oldEl, newEl)) { copyAttributes(newEl, oldEl); }
    if (oldEl.innerHTML === newEl.innerHTML) { return; }
    var kids = Array.prototype.slice.call(newEl.children);
    if (kids.length > 0 && kids.every(function (c) { return c.id; })) {
      Array.prototype.slice.call(oldEl.children).forEach(function (c) {
        if (!c.id || !byId(newEl, c.id)) { c.remove(); }
      });
      kids.forEach(function (n, index) {
        var o = byId(oldEl, n.id);
        if (o && o.classList.contains('empty') === n.classList.contains('empty')) {
          patch(o, n);
        } else {
          var fresh = document.importNode(n, true);
          if (o) { o.replaceWith(fresh); } else { oldEl.insertBefore(fresh, oldEl.children[index] || null); }
          if (!fresh.classList.contains('empty')) { enter(fresh); }
        }
      });
    } else if (sameShape(oldEl, newEl)) {
      for (var i = 0; i < kids.length; i++) { patch(oldEl.children[i], kids[i]); }
    } else {
      oldEl.innerHTML = newEl.innerHTML;
    }
  }

  // A safety net under NomineeLayout's estimate of line breaks: a nominee whose text would not fit its fixed slot
  // (in a fallback font the estimate does not know, say) is set a little smaller, in the same task that brings it
  // in, so before it is seen. Its slot, and with it every other nominee, stays exactly where it was.
  function fitNominees() {
    stage.querySelectorAll('.slide:not(.leaving) .nominee.shown').forEach(function (li) {
      for (var i = 0; i < 20 && li.scrollHeight > li.clientHeight + 1; i++) {
        var style = getComputedStyle(li);
        ['--name', '--text'].forEach(function (v) {
          li.style.setProperty(v, (parseFloat(style.getPropertyValue(v)) * 0.97).toFixed(1) + 'px');
        });
      }
    });
  }

  function apply(html) {
    var next = parse(html);
    var newSlide = next.querySelector('.slide');
    var oldSlide = stage.querySelector('.slide:not(.leaving)');
    if (oldSlide && newSlide && oldSlide.id === newSlide.id && newSlide.classList.contains('kind-loop')) {
      oldSlide.dataset.version = newSlide.dataset.version;   // the same loop keeps running undisturbed
    } else if (oldSlide && newSlide && oldSlide.id === newSlide.id && oldSlide.dataset.show === newSlide.dataset.show) {
      patch(oldSlide, newSlide);
    } else if (newSlide) {
      var fresh = document.importNode(newSlide, true);
      stage.insertBefore(fresh, stage.firstChild);
      enter(fresh);
      stage.querySelectorAll('.slide.leaving').forEach(function (s) { s.remove(); });
      if (oldSlide) {
        oldSlide.classList.add('leaving');
        setTimeout(function () { oldSlide.remove(); }, 900);
      }
    }
    ['blackout', 'logo-overlay', 'rehearsal-slot'].forEach(function (id) {
      var o = document.getElementById(id);
      var n = next.querySelector('#' + id);
      if (o && n) { patch(o, n); }
    });
    fitNominees();
    window.kuvertScreen.runLoop(stage);
    var build = next.querySelector('#build');
    return build ? build.dataset.build : null;
  }

  // Sound cues, on the audio output alone (body data-audio). A slide's sound plays once when the slide appears to the
  // room: not while a blackout, the logo or the loop covers it (it plays when the cover lifts, if that slide has not
  // played yet), not again for a step of the same slide, a resync or a reconnect. The slide on screen when the page
  // loads counts as played, so a reloaded screen does not sound off in the middle of a slide.
  var audio = document.body.dataset.audio === 'true';
  var muted = document.body.dataset.muted === 'true';
  var playing = null;
  var played = null;
  var greeted = true;

  function covered(slide) {
    return slide.classList.contains('kind-loop') || ['blackout', 'logo-overlay'].some(function (id) {
      var o = document.getElementById(id);
      return o && o.classList.contains('on');
    });
  }

  function stopSound() {
    if (playing) { playing.pause(); playing.currentTime = 0; playing = null; }
  }

  function muteSound(on) {
    muted = on;
    document.querySelectorAll('#preload audio').forEach(function (a) { a.muted = on; });
  }

  function cue(initial) {
    var slide = stage.querySelector('.slide:not(.leaving)');
    if (!audio || !slide || covered(slide)) { return; }
    var key = slide.dataset.show + ':' + slide.dataset.slide;
    if (key === played) { return; }
    played = key;
    var path = slide.dataset.sound;
    if (initial || !path) { return; }
    var el = null;
    document.querySelectorAll('#preload audio').forEach(function (a) { if (a.dataset.sound === path) { el = a; } });
    if (!el) { return; }
    stopSound();
    el.muted = muted;
    el.currentTime = 0;
    playing = el;
    var started = el.play();
    if (started) { started.catch(function () { if (playing === el) { playing = null; } }); }
  }

  function desk(e) {
    greeted = true;
    var cueData = JSON.parse(e.data);
    if (cueData.stop) { stopSound(); }
    muteSound(cueData.muted);
  }

  document.body.addEventListener('htmx:sseOpen', function (e) {
    if (!audio) { return; }
    // A stream of a muted output opens with a sound event before the stage; a stage without one means not muted,
    // so a mute or unmute given while the stream was away still holds.
    greeted = false;
    e.detail.source.addEventListener('sound', desk);
  });
  cue(true);

  document.body.addEventListener('htmx:sseBeforeMessage', function (e) {
    e.preventDefault();           // we apply the change ourselves, see above
    var build = apply(e.detail.data);
    if (!greeted) { greeted = true; muteSound(false); }
    cue(false);
    dot.classList.remove('on');
    var shown = stage.querySelector('.slide:not(.leaving)');
    window.kuvertScreen.shown(shown.dataset.version, shown.dataset.show, build);
  });
  // Every face up front, the extended Latin ones too: a name with ł or ș that comes in later is not drawn blank first.
  ['400 1em "Inter"', '600 1em "Inter"', '700 1em "Inter"', '400 1em "Playfair Display"',
    '700 1em "Playfair Display"', 'italic 400 1em "Playfair Display"'].forEach(function (font) {
    document.fonts.load(font, 'a\u0142');
  });
  document.fonts.ready.then(fitNominees);
  window.kuvertScreen.runLoop(stage);
  document.body.addEventListener('htmx:sseOpen', function () { dot.classList.remove('on'); });
  document.body.addEventListener('htmx:sseError', function () { dot.classList.add('on'); });
})();
