// Kuvert beside the peer, on the same client machinery: N subscribers, one command per round, the delay from the
// command's start to its receipt at each subscriber. Starts both servers itself on loopback; bounded in time.
//   node harness.js [path/to/kuvert.jar]        (default ../../target/kuvert.jar; see BENCHMARKS.md)
// Kuvert: subscribers on GET /events/state with the API token (SSE, JSON), commands POST /api/control.
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
// state: GET /events/state with the API token (JSON, what a tool such as Companion reads); display: GET /events/display
// (the big screen's HTML, no login)
const STREAM = process.env.BENCH_STREAM || 'state';
const SIZES = (process.env.BENCH_SIZES || '1,100,1000').split(',').map(Number);
const WARM = 20, COLD = 3, RUNS = 2, ROUND_TIMEOUT = 20_000;
const deadline = Date.now() + 10 * 60_000; // the whole run, whatever happens
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const children = [];

const now = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = ms => new Promise(r => setTimeout(r, ms));
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))];
const fmt = x => x.toFixed(1);
function checkDeadline() { if (Date.now() > deadline) throw new Error('benchmark ran over its 10 minutes'); }

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

function request(port, method, url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, agent,
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

async function awaitHealth(port, what) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try { if ((await request(port, 'GET', '/health')).status === 200) return; } catch (e) { /* not up yet */ }
    await sleep(50);
  }
  throw new Error(`${what} did not come up`);
}

// ---- Kuvert ----
async function startKuvert() {
  const port = await freePort();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kuvert-bench-'));
  const child = spawn('java', ['--enable-native-access=ALL-UNNAMED', ...(process.env.KUVERT_JAVA_OPTS || '').split(' ').filter(Boolean), '-jar', JAR], {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, KUVERT_PORT: String(port), KUVERT_DATA_DIR: data, KUVERT_API_TOKEN: TOKEN, KUVERT_PRESENTER_PIN: '12345678' },
    stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  await awaitHealth(port, 'Kuvert');
  let flip = 0;
  return {
    name: 'Kuvert', port, child,
    command: () => {
      const action = (flip++ % 2 === 0) ? 'next' : 'prev';
      return request(port, 'POST', '/api/control', JSON.stringify({ action }), { Authorization: `Bearer ${TOKEN}` }).then(r => {
        if (r.status !== 200) throw new Error(`POST /api/control ${r.status} ${r.text}`);
      });
    },
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
  const child = spawn('node', [path.join(__dirname, 'peer.js'), String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  await awaitHealth(port, 'the peer');
  const { secret, socketId } = JSON.parse((await request(port, 'GET', '/token')).text);
  const url = `http://127.0.0.1:${port}`;
  const options = { forceNew: true, transports: ['websocket'], reconnection: false };
  const master = io(url, options);
  await new Promise((resolve, reject) => { master.on('connect', resolve); master.on('connect_error', reject); });
  let version = 0;
  let indexh = 0;
  return {
    name: 'peer', port, child,
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
async function measure(target, n) {
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
    for (let r = 0; r < COLD + WARM; r++) {
      const version = Math.max(...seen) + 1;
      const arrived = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${target.name}: only ${n - waiting.left} of ${n} got version ${version}`)), ROUND_TIMEOUT);
        waiting = { version, t0: now(), at: new Array(n), left: n, done: () => { clearTimeout(timer); resolve(); } };
      });
      await target.command();
      await arrived;
      if (r >= COLD) delays.push(...waiting.at);
      waiting = null;
      await sleep(20); // let the last writes settle before the next round
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
    ['POST /api/control', () => kuvert.command()],
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

async function main() {
  if (!fs.existsSync(JAR)) throw new Error(`no ${JAR}: build first (mvn -q -B -DskipTests package)`);
  console.log(`# Kuvert beside a reveal.js-multiplex-style socket.io relay`);
  console.log(`\n${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map(x => x.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
  console.log(`jar: ${JAR}; Kuvert's subscribers on /events/${STREAM}\n`);
  const kuvert = await startKuvert();
  const peer = await startPeer();

  const solo = await noSubscribers(kuvert);
  console.log('## Nobody subscribed (500 requests after 300 to warm up, one after another)\n');
  console.log('| request | p50 (ms) | p99 (ms) |\n|---|---|---|');
  for (const [label, t] of Object.entries(solo)) console.log(`| \`${label}\` | ${fmt(pct(t, 50))} | ${fmt(pct(t, 99))} |`);

  // warm both with one untimed pass of a few subscribers
  await measure(kuvert, 10); await measure(peer, 10);

  const rows = [];
  for (const n of SIZES) {
    const all = { Kuvert: [], peer: [] };
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? [kuvert, peer] : [peer, kuvert];
      for (const target of order) all[target.name].push(...await measure(target, n));
    }
    const k = all.Kuvert.sort((a, b) => a - b), p = all.peer.sort((a, b) => a - b);
    rows.push({ n, k50: pct(k, 50), k99: pct(k, 99), p50: pct(p, 50), p99: pct(p, 99) });
    process.stderr.write(`N=${n} done\n`);
  }
  console.log(`\n## Fan-out: ${WARM} warm rounds after ${COLD} cold, ${RUNS} alternating runs of each\n`);
  console.log('Delay from the command\'s start to its receipt at each subscriber, ms.\n');
  console.log('| subscribers | Kuvert p50 / p99 | peer p50 / p99 | Kuvert ÷ peer, p50 | Kuvert ÷ peer, p99 |\n|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.n} | ${fmt(r.k50)} / ${fmt(r.k99)} | ${fmt(r.p50)} / ${fmt(r.p99)} | ${(r.k50 / r.p50).toFixed(2)} | ${(r.k99 / r.p99).toFixed(2)} |`);
  }
  console.log(`\nload average at the end: ${os.loadavg().map(x => x.toFixed(1)).join(' ')}`);
}

function stop() { for (const c of children) { try { c.kill('SIGTERM'); } catch (e) { /* gone */ } } }
main().then(() => { stop(); process.exit(0); }, e => { console.error(e); stop(); process.exit(1); });
setTimeout(() => { console.error('benchmark ran over its time'); stop(); process.exit(2); }, 11 * 60_000).unref();
