// The peer: a relay built like reveal.js's multiplex plugin (plugin/multiplex/index.js in reveal.js 3.x/4.x).
// The master emits 'multiplex-statechanged' with its secret and socket id; the server checks the secret against
// the id and relays the state, secret removed, to every other socket. reveal.js hashes the secret with Node's
// crypto.createCipher('blowfish'), which Node 22 no longer has; an HMAC-SHA256 of the secret does the same job here.
// Run by harness.js: node peer.js PORT
'use strict';
const http = require('http');
const crypto = require('crypto');
const { Server } = require('socket.io');

const port = Number(process.argv[2] || 1948);
const KEY = 'kuvert-bench-peer';
const createHash = secret => crypto.createHmac('sha256', KEY).update(secret).digest('hex');

const server = http.createServer((req, res) => {
  if (req.url === '/token') { // as reveal.js multiplex's /token: a new secret and the id it hashes to
    const secret = crypto.randomBytes(16).toString('hex');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ secret, socketId: createHash(secret) }));
    return;
  }
  if (req.url === '/health') { res.end('ok'); return; }
  res.writeHead(404); res.end();
});
const io = new Server(server, { cors: { origin: '*' } });

io.on('connection', socket => {
  socket.on('multiplex-statechanged', data => {
    if (typeof data.secret === 'undefined' || data.secret == null || data.secret === '') return;
    if (createHash(data.secret) === data.socketId) {
      data.secret = null;
      socket.broadcast.emit(data.socketId, data);
    }
  });
});

server.listen(port, '127.0.0.1', () => console.log(`peer listening on ${port}`));
