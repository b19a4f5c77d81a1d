import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { InstanceStatus } from '@companion-module/base'
import KuvertInstance from '../src/main.js'
import { fakeHost, PIN, startKuvert, TOKEN, until } from './harness.js'

async function api(server, path) {
	return (await fetch(server.url + path)).json()
}

async function module(server, token = TOKEN) {
	const host = fakeHost()
	const instance = new KuvertInstance(host.context)
	await instance.init({ host: '127.0.0.1', port: server.port }, true, { token })
	return { host, instance }
}

describe('the Kuvert module against a real Kuvert', () => {
	let server
	let host
	let instance

	before(async () => {
		server = await startKuvert()
		;({ host, instance } = await module(server))
		await until('the first state', () => instance.state, 10000)
	})

	after(async () => {
		await instance?.destroy()
		await server?.stop()
		server?.cleanUp()
	})

	test('connecting gives an OK status and the show in the variables', async () => {
		await until('status ok', () => host.status.status === InstanceStatus.Ok)
		const state = await api(server, '/api/state')
		assert.equal(host.values.version, state.version)
		assert.match(host.values.show_title, /Digitaliserings/i)
		assert.equal(host.values.step, `${state.step + 1}/${state.steps}`)
		assert.match(host.values.clock, /^\d\d:\d\d:\d\d$/)
	})

	test('next moves the show and the variables and feedbacks follow within a second', async () => {
		const before = await api(server, '/api/state')
		const checks = host.feedbackChecks
		assert.equal(await host.press('next'), 200)
		const after = await api(server, '/api/state')
		assert.equal(after.version, before.version + 1)
		await until('the new version in the variables', () => host.values.version === after.version)
		assert.ok(host.feedbackChecks > checks, 'feedbacks were checked again')
		assert.equal(host.values.slide_label, instance.state.now.label)
		assert.equal(host.values.next_label, instance.state.next?.label ?? '')
		assert.equal(await host.press('prev'), 200)
		await until('back', () => host.values.version === after.version + 1)
	})

	test('blackout, logo and loop toggle, switch on and off, and light their feedback', async () => {
		for (const overlay of ['blackout', 'logo', 'loop']) {
			assert.equal(await host.press(overlay, { mode: 'on' }), 200)
			await until(`${overlay} lit`, () => host.lit(overlay) === true)
			assert.equal((await api(server, '/api/state'))[overlay], true)
			assert.equal(await host.press(overlay, { mode: 'toggle' }), 200)
			await until(`${overlay} dark`, () => host.lit(overlay) === false)
			assert.equal(await host.press(overlay, { mode: 'toggle' }), 200)
			await until(`${overlay} lit again`, () => host.lit(overlay) === true)
			assert.equal(await host.press(overlay, { mode: 'off' }), 200)
			await until(`${overlay} off`, () => host.lit(overlay) === false)
		}
	})

	test('goto offers the rundown, lands on slide and step, and "this slide is on screen" and the award follow', async () => {
		const choices = host.actions.goto.options.find((o) => o.id === 'slide').choices
		assert.equal(choices.length, instance.state.rundown.length)
		const nominees = instance.state.rundown.find((c) => c.kind === 'nominees')
		assert.ok(nominees, 'the demo show has a nominees slide')
		assert.equal(await host.press('goto', { slide: nominees.slide, step: 2 }), 200)
		const state = await api(server, '/api/state')
		assert.equal(state.slide, nominees.slide)
		assert.equal(state.step, 1)
		await until('slide on screen lit', () => host.lit('slide_on_screen', { slide: nominees.slide }))
		assert.equal(host.lit('slide_on_screen', { slide: nominees.slide + 1 }), false)
		await until('the step in the variables', () => host.values.step === `2/${nominees.steps}`)
		assert.ok(host.values.award.length > 0, 'the award on screen is named')
		assert.equal(host.values.segment_left, '', 'the demo awards plan no minutes, so there is no countdown')
	})

	test('"next step is a reveal" lights on the envelope and the winner stays unnamed', async () => {
		const envelope = instance.state.rundown.find((c) => c.kind === 'envelope')
		assert.equal(await host.press('goto', { slide: envelope.slide, step: 1 }), 200)
		await until('reveal lit', () => host.lit('next_reveals') === true)
		assert.equal(host.values.next_label, instance.state.next.label)
		// The demo's 2021 winner is Sundsvall, also a nominee: named only as the nominees slide's step, never as a label.
		assert.doesNotMatch(JSON.stringify([instance.state.next, instance.state.rundown, host.values]), /Sundsvall/i)
	})

	test('before a reveal the first Next only arms it and the second within 3 s reveals, as on the phone', async () => {
		assert.equal(instance.state.nextReveals, true, 'on the envelope')
		const version = (await api(server, '/api/state')).version
		assert.equal(await host.press('next', { confirm_reveal: true }), 0, 'armed, nothing sent')
		assert.equal((await api(server, '/api/state')).version, version)
		assert.equal(host.lit('reveal_armed'), true)
		assert.equal(host.values.reveal_armed, true)
		await until('disarmed after 3 s', () => host.lit('reveal_armed') === false, 4000)
		assert.equal(await host.press('next', { confirm_reveal: true }), 0, 'armed again')
		assert.equal(await host.press('next', { confirm_reveal: true }), 200, 'the second press reveals')
		const state = await api(server, '/api/state')
		assert.equal(state.kind, 'winner')
		assert.equal(host.lit('reveal_armed'), false)
		assert.equal(await host.press('prev'), 200)
		await until('back on the envelope', () => instance.state.nextReveals === true)
		assert.equal(await host.press('next', { confirm_reveal: false }), 200, 'unticked, one press reveals')
		await until('the winner', () => instance.state.kind === 'winner')
	})

	test('a command based on a stale version is refused, reported as a warning, and changes nothing', async () => {
		await until('settled', () => host.status.status === InstanceStatus.Ok)
		const state = await api(server, '/api/state')
		instance.state = { ...instance.state, version: state.version - 1 }
		assert.equal(await host.press('next', { confirm_reveal: false }), 409)
		assert.equal((await api(server, '/api/state')).version, state.version)
		assert.equal(host.status.status, InstanceStatus.UnknownWarning)
		assert.match(host.status.message, /moved on/)
		assert.ok(host.logs.some((l) => l.level === 'warn' && /next refused: the show had moved on/.test(l.message)), JSON.stringify(host.logs))
		assert.match(host.values.last_error, /moved on/)
		instance.state = { ...instance.state, version: state.version }
		assert.equal(await host.press('next', { confirm_reveal: false }), 200)
		assert.equal(host.status.status, InstanceStatus.Ok, 'a command that goes through clears the warning')
	})

	test('undo goes back to the place before the last move; stop and mute reach the sound desk without moving the show', async () => {
		const before = await api(server, '/api/state')
		assert.equal(await host.press('next', { confirm_reveal: false }), 200)
		await until('moved', () => instance.state.version === before.version + 1)
		assert.equal(await host.press('undo'), 200)
		const back = await api(server, '/api/state')
		assert.deepEqual([back.slide, back.step, back.version], [before.slide, before.step, before.version + 2])
		await until('the stream has the undo', () => instance.state.version === back.version)
		assert.equal(await host.press('mute', { mode: 'on' }), 200)
		assert.equal((await api(server, '/display/sound')).muted, true)
		assert.equal(await host.press('mute', { mode: 'toggle' }), 200)
		assert.equal((await api(server, '/display/sound')).muted, false)
		assert.equal(await host.press('stop_sound'), 200)
		assert.equal((await api(server, '/api/state')).version, back.version, 'sound commands do not change the show')
	})

	test('the rehearsal feedback lights while the show runs with stand-in winners, and hand back answers', async () => {
		const show = instance.state.show
		assert.equal(host.lit('rehearsal'), false)
		assert.equal(await host.press('load', { show }), 200)
		const rehearse = await fetch(server.url + '/api/control', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
			body: JSON.stringify({ action: 'load', show, rehearsal: true }),
		})
		assert.equal(rehearse.status, 200)
		await until('rehearsal lit', () => host.lit('rehearsal') === true)
		assert.equal(host.lit('locked'), false, 'nobody holds the console')
		assert.equal(host.values.locked_by, '')
		// A technician's console (a presenter session) takes control; the Stream Deck sees who has it, and hands back.
		const login = await fetch(server.url + '/presenter/login', {
			method: 'POST', redirect: 'manual',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `pin=${PIN}`,
		})
		const cookie = login.headers.get('set-cookie').split(';')[0]
		const lock = await fetch(server.url + '/api/control', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Cookie: cookie },
			body: JSON.stringify({ action: 'lock', on: true, name: 'Ljudbordet' }),
		})
		assert.equal(lock.status, 200, await lock.text())
		await until('locked lit', () => host.lit('locked') === true)
		assert.match(host.values.locked_by, /Ljudbordet/)
		assert.equal(await host.press('hand_back'), 200)
		await until('locked dark', () => host.lit('locked') === false)
		assert.equal(host.values.locked_by, '')
		assert.equal(await host.press('load', { show }), 200)
		await until('rehearsal dark', () => host.lit('rehearsal') === false)
	})

	test('a bad command is refused with Kuvert\'s reason', async () => {
		assert.equal(await host.press('goto', { slide: 999, step: 1 }), 400)
		assert.equal(host.status.status, InstanceStatus.UnknownWarning)
		assert.match(host.values.last_error, /goto refused \(400\)/)
	})

	test('load offers the shows and loads one; presets follow the loaded show', async () => {
		const shows = host.actions.load.options[0].choices.map((c) => c.id)
		assert.ok(shows.includes('digitaliseringskommun-2017'), shows.join())
		assert.equal(await host.press('load', { show: 'digitaliseringskommun-2017' }), 200)
		await until('the other show', () => instance.state.show === 'digitaliseringskommun-2017')
		const intros = instance.state.rundown.filter((c) => c.kind === 'award')
		const presetNames = host.presets.structure.find((s) => s.id === 'awards').definitions[0].presets.map((id) => host.presets.presets[id].name)
		assert.deepEqual(presetNames, intros.map((c) => c.label))
		const control = host.presets.structure.find((s) => s.id === 'show').definitions[0].presets
		assert.deepEqual(control, ['next', 'prev', 'blackout', 'logo'])
		const intro = host.presets.presets[`award_${intros[0].slide}`]
		assert.equal(await host.press(intro.steps[0].down[0].actionId, intro.steps[0].down[0].options), 200)
		await until('the intro on screen', () => host.lit('slide_on_screen', { slide: intros[0].slide }))
	})

	test("a screen's health feedback follows a big screen connecting and going away", async () => {
		assert.equal(host.lit('screen_health', { screen: 'companion-main', health: 'red' }), true, 'never connected counts as red')
		const abort = new AbortController()
		const display = await fetch(server.url + '/events/display?screen=companion-main', {
			headers: { Accept: 'text/event-stream' },
			signal: abort.signal,
		})
		assert.equal(display.status, 200)
		await until('the screen appears, amber while it starts', () => host.lit('screen_health', { screen: 'companion-main', health: 'amber' }), 3000)
		abort.abort()
		// Kuvert notices a closed stream at its next heartbeat, or counts the screen gone 5 s after its last report.
		await until('the screen goes red', () => host.lit('screen_health', { screen: 'companion-main', health: 'red' }), 8000)
	})
})

describe('connection status', () => {
	test('a wrong token gives an authentication failure status, and no state', async () => {
		const server = await startKuvert()
		const { host, instance } = await module(server, 'not-the-token')
		try {
			await until('auth failure', () => host.status.status === InstanceStatus.AuthenticationFailure, 5000)
			assert.match(host.status.message, /token/)
			assert.equal(instance.state, null)
		} finally {
			await instance.destroy()
			await server.stop()
			server.cleanUp()
		}
	})

	test('a stopped server shows disconnected, and a restarted one reconnects by itself', async () => {
		const server = await startKuvert()
		const { host, instance } = await module(server)
		let again
		try {
			await until('connected', () => host.status.status === InstanceStatus.Ok, 10000)
			await host.press('next')
			const version = (await api(server, '/api/state')).version
			await server.stop()
			await until('disconnected', () => host.status.status === InstanceStatus.Disconnected, 3000)
			assert.equal(await host.press('next'), 0, 'a press while the server is down is reported, not lost silently')
			assert.match(host.values.last_error, /cannot reach Kuvert/)
			again = await startKuvert({ port: server.port, dataDir: server.dataDir })
			await until('reconnected', () => host.status.status === InstanceStatus.Ok && instance.state?.version >= version, 15000)
			assert.equal(await host.press('next'), 200, 'commands work again after the restart')
		} finally {
			await instance.destroy()
			await again?.stop()
			server.cleanUp()
		}
	})
})
