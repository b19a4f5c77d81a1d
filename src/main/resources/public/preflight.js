// The admin's preflight: renders every step of every slide in frames of the big screen's sizes (the preview
// route's ?frame, which uses the big screen's templates and CSS), measures each with measure.js, compares the
// nominees' places between steps, lists every problem with where to fix it, and posts the result to the server.
(function () {
  'use strict';
  var OPTIONS = { floorName: 36, floorText: 24, designWidth: 1920 };
  var MAX_TEXT = 300;
  var root = document.getElementById('preflight');
  var button = document.getElementById('run');
  var progress = document.getElementById('progress');
  var verdict = document.getElementById('verdict');
  var table = document.getElementById('problems');
  var jobs = Array.prototype.map.call(document.querySelectorAll('#jobs > li'), function (li) {
    return { slide: Number(li.dataset.slide), step: Number(li.dataset.step), steps: Number(li.dataset.steps),
      kind: li.dataset.kind, label: li.dataset.label, fix: li.dataset.fix };
  });
  var sizes = Array.prototype.map.call(root.querySelectorAll('.size'), function (s) {
    return { width: Number(s.dataset.width), height: Number(s.dataset.height) };
  });

  function finding(job, size, kind, element, detail) {
    return { slide: job.slide, step: job.step, width: size.width, height: size.height, kind: kind,
      element: String(element).slice(0, MAX_TEXT), detail: String(detail).slice(0, MAX_TEXT) };
  }

  function load(frame, url) {
    return new Promise(function (resolve) {
      frame.onload = function () { resolve(); };
      frame.src = url;
    });
  }

  // Resolves once the step's fonts and images are in (an image that fails counts: measure.js reports it).
  function settled(win) {
    var waits = [win.document.fonts ? win.document.fonts.ready : Promise.resolve()];
    Array.prototype.forEach.call(win.document.images, function (img) {
      if (!img.complete) {
        waits.push(new Promise(function (r) { img.addEventListener('load', r); img.addEventListener('error', r); }));
      }
    });
    return Promise.all(waits);
  }

  function moved(job, size, before, now, findings) {
    var was = {};
    before.forEach(function (p) { was[p.id] = p; });
    now.forEach(function (p) {
      var b = was[p.id];
      if (!b) { return; }
      var shift = Math.max(Math.abs(p.x - b.x), Math.abs(p.y - b.y), Math.abs(p.width - b.width), Math.abs(p.height - b.height));
      if (shift > 1) {
        findings.push(finding(job, size, 'moved', 'nominee #' + p.id, 'moved ' + Math.round(shift) + ' px since step ' + job.step));
      }
    });
  }

  function runSize(size, findings, counted) {
    var frame = document.createElement('iframe');
    frame.width = String(size.width);
    frame.height = String(size.height);
    frame.title = 'preflight ' + size.width + '×' + size.height;
    document.getElementById('frames').appendChild(frame);
    var previous = null;
    var chain = Promise.resolve();
    jobs.forEach(function (job) {
      chain = chain.then(function () {
        return load(frame, root.dataset.preview + '?frame=1&slide=' + job.slide + '&step=' + job.step);
      }).then(function () { return settled(frame.contentWindow); }).then(function () {
        var win = frame.contentWindow;
        var stage = win.document.getElementById('stage');
        if (!win.KuvertMeasure || !stage) {
          findings.push(finding(job, size, 'failed', 'the page', 'the step did not render'));
        } else {
          win.KuvertMeasure.measure(stage, OPTIONS).forEach(function (p) {
            findings.push(finding(job, size, p.kind, p.element, p.detail));
          });
          var now = win.KuvertMeasure.positions(stage);
          if (previous && previous.slide === job.slide && job.step === previous.step + 1) {
            moved(job, size, previous.positions, now, findings);
          }
          previous = { slide: job.slide, step: job.step, positions: now };
        }
        counted();
      });
    });
    return chain.then(function () { frame.remove(); });
  }

  function show(findings) {
    var body = table.querySelector('tbody');
    body.textContent = '';
    var row = document.getElementById('problem-row');
    findings.forEach(function (f) {
      var job = jobs.filter(function (j) { return j.slide === f.slide && j.step === f.step; })[0];
      var tr = row.content.firstElementChild.cloneNode(true);
      tr.dataset.kind = f.kind;
      tr.querySelector('.size').textContent = f.width + '×' + f.height;
      tr.querySelector('.slide').textContent = job.label;
      tr.querySelector('.step').textContent = (f.step + 1) + ' of ' + job.steps;
      tr.querySelector('.kind').textContent = f.kind;
      tr.querySelector('.element').textContent = f.element;
      tr.querySelector('.detail').textContent = f.detail;
      tr.querySelector('.fix').href = job.fix;
      body.appendChild(tr);
    });
    table.hidden = findings.length === 0;
  }

  function say(state, text) {
    verdict.hidden = false;
    verdict.dataset.state = state;
    verdict.textContent = text;
  }

  function run() {
    button.disabled = true;
    verdict.hidden = true;
    var findings = [];
    var done = 0;
    var total = jobs.length * sizes.length;
    var counted = function () { done++; progress.textContent = done + ' of ' + total + ' renders measured'; };
    Promise.all(sizes.map(function (size) { return runSize(size, findings, counted); })).then(function () {
      findings.sort(function (a, b) { return a.slide - b.slide || a.step - b.step || a.width - b.width; });
      show(findings);
      return fetch(root.dataset.post, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': root.dataset.csrf },
        body: JSON.stringify({ contentHash: root.dataset.hash, renders: done, findings: findings })
      }).then(function (r) { return r.json().then(function (json) { return { ok: r.ok, json: json }; }); });
    }).then(function (answer) {
      if (!answer.ok) {
        say('error', 'Not stored: ' + answer.json.error);
      } else if (answer.json.passed) {
        say('passed', 'Passed: ' + answer.json.renders + ' renders, no problems. Stored for this version of the show.');
      } else {
        say('failed', answer.json.problems + ' problems in ' + answer.json.renders + ' renders. Fix them and run again.');
      }
    }, function (e) {
      say('error', 'The preflight did not finish: ' + e);
    }).then(function () { button.disabled = false; });
  }

  button.addEventListener('click', run);
  run();
})();
