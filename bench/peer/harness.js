// Kuvert beside the peer, on the same client machinery: N subscribers, one command per round, the delay from the
// command's start to its receipt at each subscriber. Starts both servers itself on loopback; bounded in time.
//   node harness.js [path/to/kuvert.jar]        (default ../../target/kuvert.jar; see BENCHMARKS.md)
// Kuvert: subscribers on GET /events/state with the API token (SSE, JSON), commands POST /api/control, written on one
//         kept connection (BENCH_CLIENT=http: through Node's http module instead; the run prints both at one subscriber).
// Peer:   subscribers are socket.io-client sockets, commands the master's emit of 'multiplex-statechanged'.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const net = require('net');
const { io } = require('socket.io-client');

const JAR = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', 'target', 'kuvert.jar'));
const TOKEN = 'bench-token-0123456789abcdef';
// The jar runs as the README runs it: the build's class data archive beside it, the heap capped and the JIT set to
// compile early with its quick compiler, on one thread (KUVERT_JAVA_OPTS replaces all of them; the Java side,
// Benchmark.javaOptions, has the same list)
const ARCHIVE = JAR.replace(/\.jar$/, '.jsa');
const JAVA_OPTS = process.env.KUVERT_JAVA_OPTS !== undefined ? process.env.KUVERT_JAVA_OPTS.split(' ').filter(Boolean)
  : [...(fs.existsSync(ARCHIVE) ? [`-XX:SharedArchiveFile=${ARCHIVE}`] : []), '-Xmx352m', '-XX:TieredStopAtLevel=1',
    '-XX:CompileThresholdScaling=0.05', '-XX:CICompilerCount=1'];
// state: GET /events/state with the API token (JSON, what a tool such as Companion reads); display: GET /events/display
// (the big screen's HTML, no login)
const STREAM = process.env.BENCH_STREAM || 'state';
// BENCH_TIMING=0: the server's stopwatch off (no stages printed), to see what the stopwatch itself costs the fan-out
const TIMING = process.env.BENCH_TIMING !== '0';
// BENCH_ROUNDS=1: every round's first, median and last receipt and this client's CPU time for it, on standard error,
// to see which rounds set a p99 and whether the client or the server made them slow
const ROUNDS = process.env.BENCH_ROUNDS === '1';
const SIZES = (process.env.BENCH_SIZES || '1,100,1000,10000').split(',').map(Number);
// BENCH_TAP=0 skips tap to display in Chromium (the Java side: mvn exec:exec -Dbench.main=se.kuvert.bench.Tap)
const TAP = process.env.BENCH_TAP !== '0';
const STARTS = 3;
const WARM = Number(process.env.BENCH_WARM || 20), COLD = 3, RUNS = 2, ROUND_TIMEOUT = 20_000;
// Between rounds, ms: 20 lets the last writes settle; a ceremony's taps are a second or more apart (BENCH_PAUSE=1000)
const PAUSE = Number(process.env.BENCH_PAUSE || 20);
// Where Kuvert's rounds go back and forth from: "slide,step" (BENCH_AT=2,1: inside the first award's nominees);
// by default the title, whose next slide starts an award
const AT = process.env.BENCH_AT ? process.env.BENCH_AT.split(',').map(Number) : null;
// BENCH_ROOM=1: Kuvert's big screen and stage monitor are on too, as in a room (their events read and thrown away), so the
// subscribers' stream is told after their renders; the peer has no screens
const ROOM = process.env.BENCH_ROOM === '1';
const STAGE_KEY = 'bench-stage-monitor-key';
// Up to 100 subscribers a round is quick: 100 warm rounds a run, so that the p99 of the two runs is not their maximum
const SMALL = 100, SMALL_WARM = 100;
// Up to 1 000, 60: the p99 of 20 rounds was the tail of the slowest one or two, most of them the client's own slow
// rounds (BENCHMARKS.md, "The twentieth session"); 10 000 keeps 20 (BENCH_WARM sets both)
const MID = 1000, MID_WARM = Number(process.env.BENCH_WARM || 60);
const warmRounds = n => n <= SMALL ? SMALL_WARM : n <= MID ? MID_WARM : WARM;
// kept: each command's request written as bytes on one kept connection; http: Node's http module with a keep-alive agent
const CLIENT = process.env.BENCH_CLIENT || 'kept';
const deadline = Date.now() + 20 * 60_000; // the whole run, whatever happens
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const children = [];

const now = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = ms => new Promise(r => setTimeout(r, ms));
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))];
const fmt = x => x.toFixed(1);
function checkDeadline() { if (Date.now() > deadline) throw new Error('benchmark ran over its 20 minutes'); }

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

function request(port, method, url, body, headers = {}, keepAlive = true) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, agent: keepAlive ? agent : false,
      headers: { ...headers, ...(body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}) } }, res => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', c => text += c);
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${url} timed out`)));
    if (body) req.write(body);
    req.end();
  });
}

// A tool's commands on one kept HTTP/1.1 connection: the request written as bytes, each answer read by its
// Content-Length, in order. Node's http module took some 0.5 ms of a command after 20 ms of quiet before its bytes
// left (BENCHMARKS.md, "The tenth round"); the peer's master emits on its kept socket.
function keptConnection(port) {
  const socket = net.connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  let buffer = Buffer.alloc(0);
  const waiting = [];
  const fail = e => { while (waiting.length) waiting.shift().reject(e); };
  socket.on('data', chunk => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    while (waiting.length) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      const length = Number((/\r\ncontent-length: *(\d+)/i.exec(head) || [0, 0])[1]);
      if (buffer.length < end + 4 + length) return;
      const text = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      buffer = buffer.subarray(end + 4 + length);
      waiting.shift().resolve({ status: Number(head.slice(9, 12)), text });
    }
  });
  socket.on('error', fail);
  let closed = false;
  socket.on('close', () => { closed = true; fail(new Error('the kept connection closed')); });
  const ready = new Promise((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
  return {
    post: async (url, body, headers) => {
      await ready;
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        socket.write(`POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}`
          + `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      });
    },
    closed: () => closed,
    close: () => socket.destroy(),
  };
}

async function awaitHealth(port, what) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try { if ((await request(port, 'GET', '/health', null, {}, false)).status === 200) return; } catch (e) { /* not up yet */ }
    await sleep(10);
  }
  throw new Error(`${what} did not come up`);
}

// ---- Kuvert ----
async function startKuvert() {
  const port = await freePort();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kuvert-bench-'));
  const t0 = now();
  const child = spawn('java', ['--enable-native-access=ALL-UNNAMED', `-Dkuvert.timing=${TIMING}`, ...JAVA_OPTS, '-jar', JAR], {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, KUVERT_PORT: String(port), KUVERT_DATA_DIR: data, KUVERT_API_TOKEN: TOKEN, KUVERT_PRESENTER_PIN: '12345678',
      KUVERT_STAGE_KEY: STAGE_KEY },
    stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  await awaitHealth(port, 'Kuvert');
  const startup = now() - t0;
  if (AT) {
    const r = await request(port, 'POST', '/api/control', JSON.stringify({ action: 'goto', slide: AT[0], step: AT[1] }),
      { Authorization: `Bearer ${TOKEN}` });
    if (r.status !== 200) throw new Error(`goto ${AT}: ${r.status} ${r.text}`);
  }
  const screens = ROOM ? ['/events/display?screen=bench-display', `/events/stage?screen=bench-stage&key=${STAGE_KEY}`].map(url =>
    http.get({ host: '127.0.0.1', port, path: url, agent: false, headers: { Accept: 'text/event-stream' } }, res => {
      if (res.statusCode !== 200) throw new Error(`${url} ${res.statusCode}`);
      res.resume();
    }).on('error', () => { /* the server was stopped: the run is over */ })) : [];
  let flip = 0;
  let kept = null;
  const command = via => () => {
    const action = (flip++ % 2 === 0) ? 'next' : 'prev';
    const body = JSON.stringify({ action }), headers = { Authorization: `Bearer ${TOKEN}` };
    if (via === 'kept' && (!kept || kept.closed())) kept = keptConnection(port); // Jetty closes an idle one
    return (via === 'kept' ? kept.post('/api/control', body, headers) : request(port, 'POST', '/api/control', body, headers)).then(r => {
      if (r.status !== 200) throw new Error(`POST /api/control ${r.status} ${r.text}`);
    });
  };
  return {
    name: 'Kuvert', port, child, startup,
    command: command(CLIENT), http: command('http'), kept: command('kept'),
    close: () => { if (kept) kept.close(); screens.forEach(r => r.destroy()); },
    subscribe: onVersion => new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: `/events/${STREAM}`, agent: false,
        headers: { ...(STREAM === 'state' ? { Authorization: `Bearer ${TOKEN}` } : {}), Accept: 'text/event-stream' } }, res => {
        if (res.statusCode !== 200) { reject(new Error(`/events/${STREAM} ${res.statusCode}`)); return; }
        res.setEncoding('utf8');
        let buf = '';
        let first = true;
        res.on('data', chunk => {
          buf += chunk;
          let end;
          while ((end = buf.indexOf('\n\n')) >= 0) {
            const event = buf.slice(0, end);
            buf = buf.slice(end + 2);
            const m = /"version":(\d+)|data-version="(\d+)"/.exec(event);
            if (m) { onVersion(Number(m[1] || m[2])); if (first) { first = false; resolve({ close: () => req.destroy() }); } }
          }
        });
      });
      req.on('error', reject);
    }),
  };
}

// ---- the peer ----
async function startPeer() {
  const port = await freePort();
  const t0 = now();
  const child = spawn('node', [path.join(__dirname, 'peer.js'), String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  await awaitHealth(port, 'the peer');
  const startup = now() - t0;
  const { secret, socketId } = JSON.parse((await request(port, 'GET', '/token')).text);
  const url = `http://127.0.0.1:${port}`;
  const options = { forceNew: true, transports: ['websocket'], reconnection: false };
  const master = io(url, options);
  await new Promise((resolve, reject) => { master.on('connect', resolve); master.on('connect_error', reject); });
  let version = 0;
  let indexh = 0;
  return {
    name: 'peer', port, child, startup, close: () => master.close(),
    // reveal.js's master sends Reveal.getState() with the secret; the version rides along so the harness can match it
    command: async () => {
      indexh = indexh === 0 ? 1 : 0;
      master.emit('multiplex-statechanged', { secret, socketId, state: { indexh, indexv: 0, indexf: null, paused: false, overview: false, version: ++version } });
    },
    // a client learns the current version from its first event, as a fresh Kuvert subscriber does from its first state
    current: () => version,
    subscribe: onVersion => new Promise((resolve, reject) => {
      const socket = io(url, options);
      socket.on(socketId, data => onVersion(data.state.version));
      socket.on('connect', () => { onVersion(version); resolve({ close: () => socket.close() }); });
      socket.on('connect_error', reject);
    }),
  };
}

// ---- one measurement: N subscribers, cold rounds, then WARM rounds ----
// resident memory (MB) and threads of a server process, from /proc
function processStats(child) {
  try {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024, threads: Number(/Threads:\s+(\d+)/.exec(status)[1]) };
  } catch (e) { return { rss: NaN, threads: NaN }; }
}

// CPU time (ms) a server process has used, from /proc (utime + stime, in clock ticks of 10 ms)
function cpuMillis(child) {
  try {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch (e) { return NaN; }
}

// Waits until a freshly started server is idle (under 5 % of a core over half a second, up to 30 s): Kuvert warms up
// its renders after start (live.Warmup), which would otherwise run during the first measurements; how long, printed
async function settle(target) {
  const t0 = now();
  let before = cpuMillis(target.child);
  while (now() - t0 < 30_000) {
    await sleep(500);
    const used = cpuMillis(target.child);
    if (!(used - before > 25)) break;
    before = used;
  }
  return now() - t0;
}

async function measure(target, n, stats, command = target.command) {
  const seen = new Array(n).fill(0);
  let waiting = null; // { version, t0, at: [], left }
  const subs = [];
  for (let i = 0; i < n; i += 50) { // connect in batches of 50
    const batch = [];
    for (let j = i; j < Math.min(n, i + 50); j++) {
      batch.push(target.subscribe(v => {
        if (v > seen[j]) seen[j] = v;
        if (waiting && v >= waiting.version && waiting.at[j] === undefined) {
          waiting.at[j] = now() - waiting.t0;
          if (--waiting.left === 0) waiting.done();
        }
      }));
    }
    subs.push(...await Promise.all(batch));
    checkDeadline();
  }
  const delays = [];
  try {
    for (let r = 0; r < COLD + warmRounds(n); r++) {
      const version = seen.reduce((a, b) => Math.max(a, b), 0) + 1;
      const arrived = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${target.name}: only ${n - waiting.left} of ${n} got version ${version}`)), ROUND_TIMEOUT);
        waiting = { version, t0: now(), at: new Array(n), left: n, done: () => { clearTimeout(timer); resolve(); } };
      });
      const cpu0 = ROUNDS ? process.cpuUsage() : null;
      await command();
      await arrived;
      const cpu = ROUNDS ? process.cpuUsage(cpu0) : null;
      if (r >= COLD) for (const d of waiting.at) delays.push(d);
      if (ROUNDS) {
        const at = waiting.at.slice().sort((a, b) => a - b);
        process.stderr.write(`${target.name} n=${n} at ${Date.now() - Math.round(now() - waiting.t0)} round ${r}: first ${fmt(at[0])} p50 ${fmt(pct(at, 50))} last ${fmt(at[n - 1])}`
          + ` client cpu ${fmt((cpu.user + cpu.system) / 1000)} ms\n`);
      }
      if (stats) { const s = processStats(target.child); stats.rss = Math.max(stats.rss || 0, s.rss); stats.threads = Math.max(stats.threads || 0, s.threads); }
      waiting = null;
      await sleep(PAUSE); // let the last writes settle before the next round
      checkDeadline();
    }
  } finally {
    subs.forEach(s => s.close());
  }
  await sleep(300);
  return delays;
}

async function noSubscribers(kuvert) {
  const out = {};
  for (const [label, fn] of [
    ['POST /api/control', kuvert.http],
    ['POST /api/control, on a kept connection', kuvert.kept],
    ['GET /api/state', () => request(kuvert.port, 'GET', '/api/state').then(r => { if (r.status !== 200) throw new Error('GET /api/state ' + r.status); })],
  ]) {
    const times = [];
    for (let i = 0; i < 800; i++) {
      const t0 = now();
      await fn();
      if (i >= 300) times.push(now() - t0); // the first 300 warm the JIT
    }
    times.sort((a, b) => a - b);
    out[label] = times;
  }
  return out;
}

// Kuvert's own stages of each command since the last call (GET /bench/timing, on with -Dkuvert.timing=true), µs
async function serverTiming(kuvert) {
  const r = await request(kuvert.port, 'GET', '/bench/timing');
  if (r.status !== 200) return null; // an older jar
  const rows = {};
  for (const line of r.text.trim().split('\n').slice(1)) {
    const [stage, p50, p99, n] = line.split('\t');
    rows[stage] = { p50: Number(p50) / 1000, p99: Number(p99) / 1000, n: Number(n) };
  }
  return rows;
}

function printTiming(title, rows) {
  if (!rows) { console.log(`\n${title}: not measured (this jar has no /bench/timing)`); return; }
  console.log(`\n${title} (inside the server, from the request's arrival, by Jetty's clock; "handlers reached" is when Kuvert's code first sees it; ms)\n`);
  console.log('| stage | p50 | p99 | n |\n|---|---|---|---|');
  for (const [stage, t] of Object.entries(rows)) console.log(`| ${stage} | ${t.p50.toFixed(3)} | ${t.p99.toFixed(3)} | ${t.n} |`);
}

// start-up to /health answering 200, STARTS times each, alternating, fresh data folder for Kuvert each time
async function startups() {
  const times = { Kuvert: [], peer: [] };
  for (let i = 0; i < STARTS; i++) {
    for (const start of i % 2 === 0 ? [startKuvert, startPeer] : [startPeer, startKuvert]) {
      const target = await start();
      times[target.name].push(target.startup);
      await stopServer(target);
    }
    checkDeadline();
  }
  for (const k of Object.keys(times)) times[k].sort((a, b) => a - b);
  return times;
}

// Stops a server started here and waits until its process has ended
async function stopServer(target) {
  if (target.close) target.close();
  target.child.kill('SIGTERM');
  await new Promise(r => target.child.exitCode !== null || target.child.signalCode !== null ? r() : target.child.once('exit', r));
}

// tap to display in Chromium, measured by the Java side (Playwright; the jar alone on the machine)
function tapToDisplay() {
  return new Promise(resolve => {
    const mvn = spawn('mvn', ['-o', '-q', '-B', 'exec:exec', '-Dbench.main=se.kuvert.bench.Tap', `-Dbench.jar=${JAR}`], { cwd: path.join(__dirname, '..', '..'),
      env: { ...process.env, KUVERT_JAVA_OPTS: JAVA_OPTS.join(' ') }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    mvn.stdout.on('data', c => out += c);
    const timer = setTimeout(() => mvn.kill('SIGTERM'), 5 * 60_000);
    mvn.on('exit', () => {
      clearTimeout(timer);
      const m = /tap p50=([\d.]+) p95=([\d.]+) max=([\d.]+) n=(\d+)/.exec(out);
      resolve(m ? { p50: Number(m[1]), p95: Number(m[2]), max: Number(m[3]), n: Number(m[4]) } : { error: out.trim().split('\n').pop() || 'no result' });
    });
  });
}

async function main() {
  if (!fs.existsSync(JAR)) throw new Error(`no ${JAR}: build first (mvn -q -B -DskipTests package)`);
  console.log(`# Kuvert beside a reveal.js-multiplex-style socket.io relay`);
  console.log(`\n${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map(x => x.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
  console.log(`jar: ${JAR}; Kuvert's subscribers on /events/${STREAM}${ROOM ? ', with a big screen and a stage monitor on' : ''}\n`);
  const started = await startups();
  const kuvert = await startKuvert();
  const peer = await startPeer();
  const settled = { Kuvert: await settle(kuvert), peer: await settle(peer) };
  console.log(`Idle after start (under 5 % of a core over 0.5 s): Kuvert ${fmt(settled.Kuvert / 1000)} s, peer ${fmt(settled.peer / 1000)} s\n`);

  const solo = await noSubscribers(kuvert);
  const soloTiming = await serverTiming(kuvert);
  console.log('## Nobody subscribed (500 requests after 300 to warm up, one after another)\n');
  console.log('| request | p50 (ms) | p99 (ms) |\n|---|---|---|');
  for (const [label, t] of Object.entries(solo)) console.log(`| \`${label}\` | ${fmt(pct(t, 50))} | ${fmt(pct(t, 99))} |`);
  printTiming(`Stages of \`POST /api/control\` with ${ROOM ? 'only the room\'s screens' : 'nobody'} subscribed`, soloTiming);

  // warm both with one untimed pass of a few subscribers
  await measure(kuvert, 10); await measure(peer, 10);
  await serverTiming(kuvert); // forget the warm-up's stages

  const rows = [];
  for (const n of SIZES) {
    const all = { Kuvert: [], peer: [] };
    const stats = { Kuvert: {}, peer: {} };
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? [kuvert, peer] : [peer, kuvert];
      for (const target of order) for (const d of await measure(target, n, stats[target.name])) all[target.name].push(d);
    }
    const k = all.Kuvert.sort((a, b) => a - b), p = all.peer.sort((a, b) => a - b);
    const timing = await serverTiming(kuvert);
    const first = timing && timing[`first byte: ${STREAM === 'state' ? 'state' : 'stage'}`];
    rows.push({ n, k50: pct(k, 50), k99: pct(k, 99), p50: pct(p, 50), p99: pct(p, 99), stats, timing, first });
    process.stderr.write(`N=${n} done\n`);
  }
  // The same server at one subscriber, its commands sent both ways, alternating: what the client itself costs
  const clients = { http: [], kept: [] };
  if (SIZES.includes(1)) {
    for (let run = 0; run < RUNS; run++) {
      for (const via of run % 2 === 0 ? ['http', 'kept'] : ['kept', 'http']) clients[via].push(...await measure(kuvert, 1, null, kuvert[via]));
    }
    await serverTiming(kuvert); // these rounds' stages are not the rows'
  }
  console.log(`\n## Fan-out: ${SMALL_WARM} warm rounds up to ${SMALL} subscribers, ${MID_WARM} up to ${MID} and ${WARM} above, after ${COLD} cold, ${RUNS} alternating runs of each, ${PAUSE} ms between rounds\n`);
  console.log(`Kuvert's commands: ${CLIENT === 'kept' ? 'written on one kept connection' : 'through Node\'s http module (keep-alive agent)'}.\n`);
  console.log('Delay from the command\'s start to its receipt at each subscriber, ms; every subscriber got every change'
    + ' (a round waits for all of them, up to 20 s, or the run fails). Memory and threads of the server process, the most seen during the rounds.\n');
  console.log('| subscribers | Kuvert p50 / p99 | peer p50 / p99 | Kuvert ÷ peer, p50 | Kuvert ÷ peer, p99 | Kuvert memory / threads | peer memory / threads |\n|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const st = s => `${Math.round(s.rss)} MB / ${s.threads}`;
    console.log(`| ${r.n} | ${fmt(r.k50)} / ${fmt(r.k99)} | ${fmt(r.p50)} / ${fmt(r.p99)} | ${(r.k50 / r.p50).toFixed(2)} | ${(r.k99 / r.p99).toFixed(2)} | ${st(r.stats.Kuvert)} | ${st(r.stats.peer)} |`);
  }
  const one = rows.find(r => r.n === 1);
  if (one) {
    console.log(`\n## The client's share at one subscriber (the same server, ${RUNS} alternating runs of each way)\n`);
    console.log('| Kuvert\'s commands | p50 / p99 (ms) | ÷ peer p99 (the row above) |\n|---|---|---|');
    for (const [via, label] of [['http', 'through Node\'s http module (keep-alive agent)'], ['kept', 'written on one kept connection']]) {
      const d = clients[via].sort((a, b) => a - b);
      console.log(`| ${label} | ${fmt(pct(d, 50))} / ${fmt(pct(d, 99))} | ${(pct(d, 99) / one.p99).toFixed(2)} |`);
    }
  }
  for (const r of rows) printTiming(`Stages at ${r.n} subscriber(s), all rounds of both runs`, r.timing);
  // Tap to display is measured "while nothing else runs": the rounds' two servers are stopped first, so that neither
  // (Kuvert's with 10 000 streams just closed) takes a core from the taps
  await stopServer(kuvert);
  await stopServer(peer);
  const tap = TAP ? await tapToDisplay() : null;

  const ratio = (a, b) => (a / b).toFixed(2);
  const at = n => rows.find(r => r.n === n);
  console.log('\n## Against the targets of issue 12\n');
  console.log('| measure | target | Kuvert | peer | Kuvert ÷ peer |\n|---|---|---|---|---|');
  for (const n of [1, 100, 1000]) {
    const r = at(n);
    if (r) console.log(`| p99 at ${n} subscriber(s) | ÷ peer ≤ 1.0 | ${fmt(r.k99)} ms | ${fmt(r.p99)} ms | ${ratio(r.k99, r.p99)} |`);
  }
  const c = solo['POST /api/control'];
  console.log(`| \`POST /api/control\`, ${ROOM ? 'only the room\'s screens' : 'nobody'} subscribed | p50 ≤ 1.5 ms, p99 ≤ 4 ms | ${fmt(pct(c, 50))} / ${fmt(pct(c, 99))} ms | — | — |`);
  const f1 = at(1) && at(1).first;
  console.log(`| command to first byte on one stream, in the server, 1 subscriber | p50 ≤ 0.5 ms | ${f1 ? f1.p50.toFixed(3) + ' ms (p99 ' + f1.p99.toFixed(3) + ')' : 'not measured'} | — | — |`);
  const screen = ROOM && STREAM === 'state' && at(1) && at(1).timing && at(1).timing['first byte: stage'];
  if (screen) {
    console.log(`| command to first byte on the big screen's stream, in a room, 1 subscriber | p50 ≤ 0.5 ms | ${screen.p50.toFixed(3)} ms (p99 ${screen.p99.toFixed(3)}) | — | — |`);
  }
  const big = at(10000);
  if (big) {
    console.log(`| 10 000 subscribers, p99 | ≤ 300 ms | ${fmt(big.k99)} ms | ${fmt(big.p99)} ms | ${ratio(big.k99, big.p99)} |`);
    console.log(`| 10 000 subscribers, server memory | ≤ 512 MB | ${Math.round(big.stats.Kuvert.rss)} MB | ${Math.round(big.stats.peer.rss)} MB | ${ratio(big.stats.Kuvert.rss, big.stats.peer.rss)} |`);
    console.log(`| 10 000 subscribers, server threads | ≤ 64 | ${big.stats.Kuvert.threads} | ${big.stats.peer.threads} | — |`);
  }
  console.log(`| tap to display in Chromium, p95 | ≤ 50 ms | ${tap ? (tap.error ? 'not measured: ' + tap.error : `${fmt(tap.p95)} ms (p50 ${fmt(tap.p50)}, ${tap.n} taps)`) : 'skipped (BENCH_TAP=0)'} | — (the peer has no screen) | — |`);
  console.log(`| start-up to \`/health\`, median of ${STARTS} | ≤ 1 500 ms | ${Math.round(pct(started.Kuvert, 50))} ms | ${Math.round(pct(started.peer, 50))} ms | ${ratio(pct(started.Kuvert, 50), pct(started.peer, 50))} |`);
  console.log(`\nload average at the end: ${os.loadavg().map(x => x.toFixed(1)).join(' ')}`);
}

function stop() { for (const c of children) { try { c.kill('SIGTERM'); } catch (e) { /* gone */ } } }
main().then(() => { stop(); process.exit(0); }, e => { console.error(e); stop(); process.exit(1); });
setTimeout(() => { console.error('benchmark ran over its time'); stop(); process.exit(2); }, 21 * 60_000).unref();
