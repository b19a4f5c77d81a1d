import { EventEmitter } from 'node:events'

/**
 * Kuvert's side of the connection: reads GET /events/state (SSE over fetch's body stream) and sends commands to
 * POST /api/control. Emits 'state' (the parsed JSON of each event) and 'status' ('connecting' | 'ok' | 'auth' |
 * 'disconnected', message). A dropped or refused stream is opened again by itself; nothing is polled.
 */
export class KuvertClient extends EventEmitter {
	#base
	#token
	#retryMs
	#silenceMs
	#abort = null
	#stopped = false
	#retryTimer = null

	/**
	 * @param {object} o
	 * @param {string} o.baseUrl e.g. http://127.0.0.1:7070
	 * @param {string} o.token the API token (Authorization: Bearer)
	 * @param {number} [o.retryMs] wait before reconnecting
	 * @param {number} [o.silenceMs] a stream silent this long counts as dropped (Kuvert writes at least every 7.5 s)
	 */
	constructor({ baseUrl, token, retryMs = 1000, silenceMs = 12000 }) {
		super()
		this.#base = baseUrl.replace(/\/+$/, '')
		this.#token = token ?? ''
		this.#retryMs = retryMs
		this.#silenceMs = silenceMs
	}

	start() {
		this.#stopped = false
		this.#connect()
	}

	stop() {
		this.#stopped = true
		clearTimeout(this.#retryTimer)
		this.#abort?.abort()
	}

	/** Sends one command; answers { status, body } where body is Kuvert's JSON answer (or null). Throws when unreachable. */
	async send(command) {
		const res = await fetch(this.#base + '/api/control', {
			method: 'POST',
			headers: { Authorization: 'Bearer ' + this.#token, 'Content-Type': 'application/json' },
			body: JSON.stringify(command),
			signal: AbortSignal.timeout(5000),
		})
		let body = null
		try {
			body = await res.json()
		} catch {
			// not JSON: the status says enough
		}
		return { status: res.status, body }
	}

	async #connect() {
		if (this.#stopped) return
		const abort = new AbortController()
		this.#abort = abort
		this.emit('status', 'connecting', this.#base)
		let wait = this.#retryMs
		try {
			const res = await fetch(this.#base + '/events/state', {
				headers: { Authorization: 'Bearer ' + this.#token, Accept: 'text/event-stream' },
				signal: abort.signal,
			})
			if (res.status === 401 || res.status === 403) {
				this.emit('status', 'auth', 'Kuvert refused the API token (' + res.status + '); check the token in the connection settings')
				await res.body?.cancel()
				wait = Math.max(this.#retryMs, 5000)
			} else if (!res.ok || !res.body) {
				this.emit('status', 'disconnected', 'Kuvert answered ' + res.status + ' for /events/state')
				await res.body?.cancel()
			} else {
				await this.#read(res.body, abort)
				if (!this.#stopped) this.emit('status', 'disconnected', 'the stream from Kuvert ended')
			}
		} catch (e) {
			if (!this.#stopped) this.emit('status', 'disconnected', 'cannot reach Kuvert at ' + this.#base + ': ' + (e?.cause?.code ?? e?.message ?? e))
		}
		if (!this.#stopped) {
			clearTimeout(this.#retryTimer)
			this.#retryTimer = setTimeout(() => this.#connect(), wait)
		}
	}

	async #read(body, abort) {
		const reader = body.getReader()
		const decoder = new TextDecoder()
		let buffer = ''
		let watchdog = setTimeout(() => abort.abort(), this.#silenceMs)
		let first = true
		try {
			for (;;) {
				const { value, done } = await reader.read()
				if (done) return
				clearTimeout(watchdog)
				watchdog = setTimeout(() => abort.abort(), this.#silenceMs)
				buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n')
				let end
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end)
					buffer = buffer.slice(end + 2)
					const event = parseEvent(block)
					if (event && event.name === 'state') {
						if (first) {
							first = false
							this.emit('status', 'ok', null)
						}
						this.emit('state', JSON.parse(event.data))
					}
				}
			}
		} finally {
			clearTimeout(watchdog)
		}
	}
}

/** One SSE block ("event: x\ndata: …") as { name, data }; comments (heartbeats) and retry lines give null. */
export function parseEvent(block) {
	let name = 'message'
	const data = []
	for (const line of block.split('\n')) {
		if (line.startsWith('event:')) name = line.slice(6).trim()
		else if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5))
	}
	return data.length ? { name, data: data.join('\n') } : null
}
