// Measures what the big screen shows, for the browser tests and the admin's preflight alike. No network calls.
//
// window.KuvertMeasure.measure(stage, options) -> [problem]
//   stage:   the stage element (#stage, or any element holding one `.slide`), laid out on a 1920×1080 design stage
//            and scaled to its window; only its current slide (`.slide:not(.leaving)`) is measured, and in an
//            attract loop only its current frame.
//   options: { floorName: 36, floorText: 24, designWidth: 1920 } (all optional, these are the defaults)
//   problem: { kind, element, detail }
//     kind 'outside'         a visible element reaches outside the stage
//          'overflow'        text wider than its box, or an element sticking out of its parent's box, and shown
//          'clipped'         content is cut off by its box (overflow hidden, line clamp, ellipsis)
//          'below-floor'     text smaller than the floor: floorName for a nominee's or winner's name, floorText for
//                            all other text
//          'image-missing'   an image (or video) that did not load
//          'image-distorted' an image drawn in another aspect ratio than its own (and not by object-fit contain)
//     element: a short description, e.g. 'span.name "Dune: Part Two"'
//     detail:  what was measured, with sizes in px of the design stage (1920 wide), whatever the window's size
//   Hidden things are not measured: display none, visibility hidden (the nominees' reserved slots), opacity 0,
//   and anything inside aria-hidden="true" (decoration).
//
// window.KuvertMeasure.positions(stage) -> [{ id, x, y, width, height }]
//   each shown nominee (`.nominee:not(.empty)`) with its rect on the design stage, relative to the stage's top
//   left corner; compare two calls between steps to see whether a nominee already shown moved.
//
// window.KuvertMeasure.groupCentre(stage) -> { x, y } or null
//   how far the centre of the nominee group (every slot, shown or reserved) lies from the centre of the stage, as
//   a share of the stage's width and height (0.01 = 1 %; negative is left or up); null when the slide has no
//   nominees. The slots have their final size from the first step, so this holds for the complete group at any step.
(function () {
  'use strict';
  var TOLERANCE = 1;   // design px

  function currentSlide(stage) {
    var slide = stage.querySelector('.slide:not(.leaving)') || stage;
    var frame = slide.querySelector(':scope > .loop-frame.current');
    return frame || slide;
  }

  function geometry(stage, designWidth) {
    var r = stage.getBoundingClientRect();
    var scale = r.width / designWidth;
    return {
      scale: scale,
      width: designWidth,
      height: r.height / scale,
      rect: function (el) {
        var b = el.getBoundingClientRect();
        return { x: (b.left - r.left) / scale, y: (b.top - r.top) / scale, width: b.width / scale, height: b.height / scale };
      }
    };
  }

  function describe(el) {
    var cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    var text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    var src = el.currentSrc || el.getAttribute('src');
    return el.tagName.toLowerCase() + cls + (text ? ' "' + text.slice(0, 40) + '"' : src ? ' ' + src : '');
  }

  function hidden(el, root) {
    if (el.closest('[aria-hidden="true"]')) { return true; }
    var style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') { return true; }
    for (var a = el; a && a !== root.parentElement; a = a.parentElement) {
      if (parseFloat(getComputedStyle(a).opacity) === 0) { return true; }
    }
    return false;
  }

  function ownText(el) {
    for (var n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3 && n.textContent.trim()) { return true; }
    }
    return false;
  }

  function round(v) { return Math.round(v * 10) / 10; }

  function measure(stage, options) {
    var o = Object.assign({ floorName: 36, floorText: 24, designWidth: 1920 }, options || {});
    var g = geometry(stage, o.designWidth);
    var root = currentSlide(stage);
    var problems = [];
    function problem(kind, el, detail) { problems.push({ kind: kind, element: describe(el), detail: detail }); }

    root.querySelectorAll('*').forEach(function (el) {
      if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') { return; }
      if (hidden(el, root)) { return; }
      var r = g.rect(el);
      if (r.width === 0 && r.height === 0) { return; }
      var style = getComputedStyle(el);
      if (r.x < -TOLERANCE || r.y < -TOLERANCE || r.x + r.width > g.width + TOLERANCE || r.y + r.height > g.height + TOLERANCE) {
        problem('outside', el, 'at ' + round(r.x) + ',' + round(r.y) + ' size ' + round(r.width) + '×' + round(r.height)
          + ' on a ' + g.width + '×' + round(g.height) + ' stage');
      }
      var cuts = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.textOverflow === 'ellipsis'
        || (style.webkitLineClamp && style.webkitLineClamp !== 'none');
      if (cuts && el.clientWidth > 0 && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        problem('clipped', el, 'content ' + round(el.scrollWidth) + '×' + round(el.scrollHeight) + ' in a box of '
          + round(el.clientWidth) + '×' + round(el.clientHeight));
      } else if (!cuts && ownText(el) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        // Only across: glyphs reach a little above and below their line box in any font, which is not overflow.
        problem('overflow', el, 'text ' + round(el.scrollWidth) + ' px wide in a box of ' + round(el.clientWidth));
      }
      var parent = el.parentElement;
      if (parent && parent !== root && style.display !== 'inline' && style.position !== 'absolute' && style.position !== 'fixed') {
        var p = g.rect(parent);
        if (p.width > 0 && (r.x < p.x - TOLERANCE || r.y < p.y - TOLERANCE || r.x + r.width > p.x + p.width + TOLERANCE
            || r.y + r.height > p.y + p.height + TOLERANCE)) {
          problem('overflow', el, 'sticks out of ' + describe(parent) + ' by '
            + round(Math.max(p.x - r.x, p.y - r.y, r.x + r.width - p.x - p.width, r.y + r.height - p.y - p.height)) + ' px');
        }
      }
      if (ownText(el)) {
        var size = parseFloat(style.fontSize);
        var name = el.closest('.nominee .name, .winner-name');
        var floor = name ? o.floorName : o.floorText;
        if (size < floor - 0.01) {
          problem('below-floor', el, round(size) + ' px, floor ' + floor + ' px');
        }
      }
      var tag = el.tagName.toLowerCase();
      if (tag === 'img') {
        if (!el.complete || el.naturalWidth === 0) {
          problem('image-missing', el, 'not loaded');
        } else if (style.objectFit !== 'contain' && style.objectFit !== 'scale-down' && r.height > 0) {
          var drawn = r.width / r.height;
          var own = el.naturalWidth / el.naturalHeight;
          if (Math.abs(drawn / own - 1) > 0.02) {
            problem('image-distorted', el, 'drawn ' + round(r.width) + '×' + round(r.height) + ', its own '
              + el.naturalWidth + '×' + el.naturalHeight);
          }
        }
      } else if (tag === 'video' && (el.error || el.networkState === 3)) {
        problem('image-missing', el, 'video did not load');
      }
    });
    return problems;
  }

  function positions(stage) {
    var g = geometry(stage, 1920);
    return Array.prototype.map.call(currentSlide(stage).querySelectorAll('.nominee:not(.empty)'), function (el) {
      var r = g.rect(el);
      return { id: el.id, x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height) };
    });
  }

  function groupCentre(stage) {
    var g = geometry(stage, 1920);
    var slots = currentSlide(stage).querySelectorAll('.nominee');
    if (slots.length === 0) { return null; }
    var left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    slots.forEach(function (el) {
      var r = g.rect(el);
      left = Math.min(left, r.x); top = Math.min(top, r.y);
      right = Math.max(right, r.x + r.width); bottom = Math.max(bottom, r.y + r.height);
    });
    if (left === Infinity) { return null; }
    return { x: ((left + right) / 2 - g.width / 2) / g.width, y: ((top + bottom) / 2 - g.height / 2) / g.height };
  }

  window.KuvertMeasure = { measure: measure, positions: positions, groupCentre: groupCentre };
})();
