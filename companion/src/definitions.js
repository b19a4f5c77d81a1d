/**
 * What the module offers Companion, built from the last state Kuvert sent: actions, feedbacks, variables and
 * presets. The rundown and the shows come from the live show, so goto, "slide on screen" and the presets follow it.
 */

const WHITE = 0xffffff
const BLACK = 0x000000
const RED = 0xcc0000
const AMBER = 0xe0a000
const GREEN = 0x008800
const BLUE = 0x0050a0

export const MODES = [
	{ id: 'toggle', label: 'Toggle' },
	{ id: 'on', label: 'On' },
	{ id: 'off', label: 'Off' },
]

/** A slide of the rundown as a dropdown choice: "3. De nominerade (Årets kommun)". */
function slideChoices(state) {
	const rundown = state?.rundown ?? []
	if (!rundown.length) return [{ id: 0, label: '1. (no show loaded yet)' }]
	return rundown.map((cue) => ({ id: cue.slide, label: `${cue.slide + 1}. ${cue.label}${cue.reveals ? ' (reveal)' : ''}` }))
}

function showChoices(state) {
	const shows = state?.shows ?? []
	if (!shows.length) return [{ id: '', label: '(no shows)' }]
	return shows.map((s) => ({ id: s.id, label: `${s.title} (${s.id})` }))
}

function modeToOn(mode) {
	return mode === 'on' ? true : mode === 'off' ? false : undefined
}

/**
 * @param {(command: object) => Promise<number>} send sends one command with the last version seen
 * @param {(confirm: boolean) => Promise<number>} next Next, which may first ask for a second press before a reveal
 */
export function actionDefinitions(state, send, next) {
	// An action that switches something on, off or toggles it: the overlays and the mute.
	const onOff = (action, name) => ({
		name,
		options: [{ id: 'mode', type: 'dropdown', label: 'On, off or toggle', choices: MODES, default: 'toggle' }],
		callback: (event) => {
			const on = modeToOn(event.options.mode)
			return send(on === undefined ? { action } : { action, on })
		},
	})
	const slides = slideChoices(state)
	const shows = showChoices(state)
	return {
		next: {
			name: 'Next step',
			options: [
				{
					id: 'confirm_reveal',
					type: 'checkbox',
					label: 'A reveal needs a second press within 3 s (as the clicker keys on the phone)',
					default: true,
				},
			],
			callback: (event) => next(event.options.confirm_reveal !== false),
		},
		prev: { name: 'Previous step', options: [], callback: () => send({ action: 'prev' }) },
		goto: {
			name: 'Go to slide and step',
			options: [
				{ id: 'slide', type: 'dropdown', label: 'Slide (from the live show)', choices: slides, default: slides[0].id },
				{ id: 'step', type: 'number', label: 'Step (1 = first)', default: 1, min: 1, max: 100 },
			],
			callback: (event) =>
				send({ action: 'goto', slide: Number(event.options.slide), step: Math.max(0, Number(event.options.step ?? 1) - 1) }),
		},
		blackout: onOff('blackout', 'Blackout'),
		logo: onOff('logo', 'Logo'),
		loop: onOff('loop', 'Attract loop'),
		undo: { name: 'Undo the last move (back to where the show was)', options: [], callback: () => send({ action: 'undo' }) },
		stop_sound: { name: 'Stop the sound playing on the big screen', options: [], callback: () => send({ action: 'sound', do: 'stop' }) },
		mute: onOff('mute', "Mute the big screen's sound"),
		hand_back: {
			name: "Hand the operator console's control back to the phone",
			options: [],
			callback: () => send({ action: 'lock', on: false }),
		},
		load: {
			name: 'Load a show',
			options: [{ id: 'show', type: 'dropdown', label: 'Show', choices: shows, default: shows[0].id }],
			callback: (event) => send({ action: 'load', show: String(event.options.show) }),
		},
	}
}

/**
 * @param {() => object|null} current the last state seen
 * @param {() => boolean} armed whether Next was pressed once before a reveal and waits for the second press
 */
export function feedbackDefinitions(state, current, armed) {
	const flag = (name, field, bgcolor) => ({
		type: 'boolean',
		name,
		defaultStyle: { bgcolor, color: WHITE },
		options: [],
		callback: () => !!current()?.[field],
	})
	const slides = slideChoices(state)
	return {
		blackout: flag('Blackout is on', 'blackout', RED),
		logo: flag('Logo is on', 'logo', BLUE),
		loop: flag('Attract loop is on', 'loop', BLUE),
		next_reveals: flag('Next step reveals a winner', 'nextReveals', AMBER),
		rehearsal: flag('The show runs as a rehearsal (stand-in winners)', 'rehearsal', AMBER),
		locked: flag('The operator console has control (the phone is locked)', 'lockedBy', BLUE),
		reveal_armed: {
			type: 'boolean',
			name: 'Next pressed once before a reveal (press again within 3 s)',
			defaultStyle: { bgcolor: RED, color: WHITE },
			options: [],
			callback: () => armed(),
		},
		slide_on_screen: {
			type: 'boolean',
			name: 'This slide is on screen',
			defaultStyle: { bgcolor: GREEN, color: WHITE },
			options: [{ id: 'slide', type: 'dropdown', label: 'Slide', choices: slides, default: slides[0].id }],
			callback: (feedback) => current()?.slide === Number(feedback.options.slide) && current()?.show != null,
		},
		screen_health: {
			type: 'boolean',
			name: "A screen's health",
			defaultStyle: { bgcolor: RED, color: WHITE },
			options: [
				{ id: 'screen', type: 'textinput', label: 'Screen name (?screen=…)', default: 'display' },
				{
					id: 'health',
					type: 'dropdown',
					label: 'Health',
					choices: [
						{ id: 'red', label: 'Red (gone, or never connected)' },
						{ id: 'amber', label: 'Amber (behind, loading, slow)' },
						{ id: 'green', label: 'Green' },
					],
					default: 'red',
				},
			],
			callback: (feedback) => {
				const name = String(feedback.options.screen ?? '').trim().toLowerCase()
				const screen = (current()?.screens ?? []).find((s) => s.name === name)
				return (screen?.health ?? 'red') === feedback.options.health
			},
		},
	}
}

export const VARIABLES = {
	show_title: { name: 'Show title' },
	slide_label: { name: 'Slide on screen' },
	slide_detail: { name: 'What this step shows (a nominee, a paragraph)' },
	next_label: { name: 'Next slide' },
	step: { name: 'Step on screen, n/m' },
	award: { name: 'Award on screen' },
	clock: { name: 'Clock (HH:MM:SS)' },
	since_start: { name: 'Time since the show started' },
	segment_left: { name: "Time left of the award's segment" },
	version: { name: 'State version' },
	last_error: { name: 'Last refused command' },
	reveal_armed: { name: 'Next was pressed once before a reveal: press again within 3 s (true/false)' },
	locked_by: { name: 'Who has control at the operator console (empty when the phone has it)' },
}

const two = (n) => String(n).padStart(2, '0')

function duration(ms) {
	const sign = ms < 0 ? '-' : ''
	const s = Math.floor(Math.abs(ms) / 1000)
	const h = Math.floor(s / 3600)
	const m = Math.floor((s % 3600) / 60)
	return h ? `${sign}${h}:${two(m)}:${two(s % 60)}` : `${sign}${m}:${two(s % 60)}`
}

/** The variables' values for a state at the time {@code now} (ms). */
export function variableValues(state, now) {
	const d = new Date(now)
	const values = { clock: `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}` }
	if (!state) return values
	const place = state.now
	values.show_title = state.title ?? ''
	values.slide_label = place?.label ?? ''
	values.slide_detail = place?.detail ?? ''
	values.next_label = state.next?.label ?? ''
	values.step = place ? `${place.step + 1}/${place.steps}` : ''
	values.award = state.award ?? ''
	values.since_start = state.startedAt ? duration(now - state.startedAt) : ''
	values.segment_left = state.segment ? duration(state.segment.startedAt + state.segment.minutes * 60000 - now) : ''
	values.version = state.version
	values.locked_by = state.lockedBy ?? ''
	return values
}

/** A page of Next/Prev/Blackout/Logo, and one button per award's intro of the loaded show. */
export function presets(state, label) {
	const button = (text, bgcolor = BLACK) => ({ text, size: 'auto', color: WHITE, bgcolor, show_topbar: false })
	const press = (actionId, options = {}) => [{ down: [{ actionId, options }], up: [] }]
	const defs = {
		next: { type: 'simple', name: 'Next', style: button(`NEXT\n$(${label}:step)`, GREEN), steps: press('next', { confirm_reveal: true }),
			feedbacks: [
				{ feedbackId: 'next_reveals', options: {}, style: { bgcolor: AMBER, text: 'REVEAL\nnext' } },
				{ feedbackId: 'reveal_armed', options: {}, style: { bgcolor: RED, text: 'PRESS\nAGAIN' } },
			] },
		prev: { type: 'simple', name: 'Previous', style: button('PREV'), steps: press('prev'), feedbacks: [] },
		blackout: { type: 'simple', name: 'Blackout', style: button('BLACK\nOUT'), steps: press('blackout', { mode: 'toggle' }),
			feedbacks: [{ feedbackId: 'blackout', options: {}, style: { bgcolor: RED, color: WHITE } }] },
		logo: { type: 'simple', name: 'Logo', style: button('LOGO'), steps: press('logo', { mode: 'toggle' }),
			feedbacks: [{ feedbackId: 'logo', options: {}, style: { bgcolor: BLUE, color: WHITE } }] },
	}
	const awards = []
	for (const cue of state?.rundown ?? []) {
		if (cue.kind !== 'award') continue
		const id = `award_${cue.slide}`
		awards.push(id)
		defs[id] = {
			type: 'simple',
			name: cue.label,
			style: button(cue.label),
			steps: press('goto', { slide: cue.slide, step: 1 }),
			feedbacks: [{ feedbackId: 'slide_on_screen', options: { slide: cue.slide }, style: { bgcolor: GREEN, color: WHITE } }],
		}
	}
	const structure = [
		{ id: 'show', name: 'Show', definitions: [{ id: 'control', type: 'simple', name: 'Control', presets: ['next', 'prev', 'blackout', 'logo'] }] },
		{ id: 'awards', name: state?.title ? `Awards of ${state.title}` : 'Awards',
			definitions: [{ id: 'intros', type: 'simple', name: 'Award intros', presets: awards }] },
	]
	return { structure, presets: defs }
}
