import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..')
export const TOKEN = 'companion-test-token-0123456789'
export const PIN = '24681357'

/**
 * A real Kuvert from target/kuvert.jar on a free port (or the given one) with a temporary data folder; the demo shows
 * of slides/ are imported at first start and digitaliseringskommun-2021 is on screen.
 */
export async function startKuvert({ port = 0, dataDir } = {}) {
	const jar = join(REPO, 'target', 'kuvert.jar')
	if (!existsSync(jar)) throw new Error(`${jar} is missing: build it first with mvn -q -DskipTests package`)
	const data = dataDir ?? mkdtempSync(join(tmpdir(), 'kuvert-companion-'))
	const child = spawn('java', ['-jar', jar], {
		cwd: REPO,
		env: {
			...process.env,
			KUVERT_PORT: String(port),
			KUVERT_DATA_DIR: data,
			KUVERT_API_TOKEN: TOKEN,
			KUVERT_PRESENTER_PIN: PIN,
			KUVERT_ADMIN_PASSWORD: 'companion-test-admin-password',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	const started = new Promise((ok, fail) => {
		const timer = setTimeout(() => fail(new Error('Kuvert did not start within 60 s:\n' + output)), 60000)
		const look = (chunk) => {
			output += chunk
			const m = output.match(/Big screen:\s+http:\/\/[^:\s]+:(\d+)\/display/)
			if (m) {
				clearTimeout(timer)
				ok(Number(m[1]))
			}
		}
		child.stdout.on('data', look)
		child.stderr.on('data', (c) => (output += c))
		child.on('exit', (code) => {
			clearTimeout(timer)
			fail(new Error(`Kuvert exited (${code}) before it started:\n${output}`))
		})
	})
	const actualPort = await started
	const exited = new Promise((ok) => child.on('exit', ok))
	return {
		port: actualPort,
		dataDir: data,
		url: `http://127.0.0.1:${actualPort}`,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM')
			await exited
		},
		cleanUp() {
			rmSync(data, { recursive: true, force: true })
		},
	}
}

/**
 * The host side of @companion-module/base's InstanceContext (dist/host-api/context.d.ts), as Companion provides it,
 * recording what the module defines and sets so a test can press buttons and read feedback.
 */
export function fakeHost(id = 'kuvert') {
	const host = {
		statuses: [],
		logs: [],
		actions: {},
		feedbacks: {},
		presets: null,
		variables: {},
		values: {},
		feedbackChecks: 0,
		/** Runs an action as a button press would. */
		press(actionId, options = {}) {
			return host.actions[actionId].callback({ id: 'a1', controlId: 'c1', actionId, options, surfaceId: undefined }, { type: 'action' })
		},
		/** Evaluates a boolean feedback as a button would. */
		lit(feedbackId, options = {}) {
			return host.feedbacks[feedbackId].callback({ type: 'boolean', id: 'f1', controlId: 'c1', feedbackId, options, previousOptions: null }, { type: 'feedback' })
		},
		get status() {
			return host.statuses.at(-1) ?? { status: null, message: null }
		},
	}
	host.context = {
		_isInstanceContext: true,
		id,
		label: id,
		upgradeScripts: [],
		saveConfig: () => {},
		updateStatus: (status, message) => host.statuses.push({ status, message }),
		oscSend: () => {},
		recordAction: () => {},
		setActionDefinitions: (a) => (host.actions = a),
		subscribeActions: () => {},
		unsubscribeActions: () => {},
		setFeedbackDefinitions: (f) => (host.feedbacks = f),
		unsubscribeFeedbacks: () => {},
		checkFeedbacks: () => host.feedbackChecks++,
		checkAllFeedbacks: () => host.feedbackChecks++,
		checkFeedbacksById: () => host.feedbackChecks++,
		setPresetDefinitions: (structure, presets) => (host.presets = { structure, presets }),
		setVariableDefinitions: (v) => (host.variables = v),
		setVariableValues: (v) => Object.assign(host.values, v),
		getVariableValue: (name) => host.values[name],
		sharedUdpSocketHandlers: new Map(),
		sharedUdpSocketJoin: async () => '',
		sharedUdpSocketLeave: async () => {},
		sharedUdpSocketSend: async () => {},
	}
	// The base package's logger writes to this sink when Companion runs the module.
	globalThis.COMPANION_LOGGER = (_source, level, message) => host.logs.push({ level, message })
	return host
}

/** Waits until {@code condition()} is truthy, checking every 20 ms; fails after {@code ms} with {@code what}. */
export async function until(what, condition, ms = 1000) {
	const end = Date.now() + ms
	for (;;) {
		const value = await condition()
		if (value) return value
		if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`)
		await new Promise((r) => setTimeout(r, 20))
	}
}
