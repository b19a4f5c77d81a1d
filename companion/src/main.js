import { InstanceBase, InstanceStatus, Regex } from '@companion-module/base'
import { KuvertClient } from './client.js'
import { actionDefinitions, feedbackDefinitions, presets, variableValues, VARIABLES } from './definitions.js'

export const UpgradeScripts = []

const FEEDBACKS = ['blackout', 'logo', 'loop', 'next_reveals', 'reveal_armed', 'slide_on_screen', 'screen_health']
/** As the phone's clicker keys: the second press of Next must come within this long to reveal a winner. */
const REVEAL_CONFIRM_MS = 3000

/**
 * Kuvert in Bitfocus Companion: commands to POST /api/control, each with the version of the last state seen, and
 * live feedback from GET /events/state. A refused command (the show moved on, or a bad command) is a warning in the
 * log and the connection's status, never lost silently.
 */
export default class KuvertInstance extends InstanceBase {
	/** The last state Kuvert sent, or null before the first. */
	state = null
	#client = null
	#ticker = null
	#definedFor = null
	#streamStatus = 'connecting'
	#refusal = null
	/** When Next was pressed once before a reveal, and for which version; null when not armed. */
	#armed = null
	#disarm = null

	async init(config, _isFirstInit, secrets) {
		this.setVariableDefinitions(VARIABLES)
		this.#define()
		this.#ticker = setInterval(() => this.setVariableValues(variableValues(this.state, Date.now())), 1000)
		this.#ticker.unref?.()
		this.#connect(config, secrets)
	}

	async configUpdated(config, secrets) {
		this.#connect(config, secrets)
	}

	async destroy() {
		clearInterval(this.#ticker)
		clearTimeout(this.#disarm)
		this.#client?.stop()
		this.#client = null
	}

	getConfigFields() {
		return [
			{ type: 'static-text', id: 'info', width: 12, label: 'Kuvert',
				value: 'The address of the Kuvert server and its API token (printed on its console as "Control API … Bearer …").' },
			{ type: 'textinput', id: 'host', label: 'Host', width: 8, default: '127.0.0.1', regex: Regex.HOSTNAME },
			{ type: 'number', id: 'port', label: 'Port', width: 4, default: 7070, min: 1, max: 65535 },
			{ type: 'secret-text', id: 'token', label: 'API token', width: 12 },
		]
	}

	#connect(config, secrets) {
		this.#client?.stop()
		this.state = null
		const host = String(config?.host || '127.0.0.1').trim()
		const port = Number(config?.port || 7070)
		const token = String(secrets?.token ?? config?.token ?? '')
		if (!token) {
			this.updateStatus(InstanceStatus.BadConfig, 'Set the API token (Kuvert prints it on its console)')
			return
		}
		const client = new KuvertClient({ baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, token })
		client.on('status', (status, message) => this.#streamChanged(status, message))
		client.on('state', (state) => this.#stateArrived(state))
		this.#client = client
		client.start()
	}

	#streamChanged(status, message) {
		if (this.#streamStatus !== status && message) this.log(status === 'ok' ? 'info' : 'warn', message)
		// A refusal from before a reconnect (such as "cannot reach Kuvert") no longer describes the connection.
		if (status === 'ok') this.#refusal = null
		this.#streamStatus = status
		this.#showStatus(message)
	}

	#showStatus(message) {
		switch (this.#streamStatus) {
			case 'ok':
				if (this.#refusal) this.updateStatus(InstanceStatus.UnknownWarning, this.#refusal)
				else this.updateStatus(InstanceStatus.Ok)
				break
			case 'auth':
				this.updateStatus(InstanceStatus.AuthenticationFailure, message)
				break
			case 'connecting':
				this.updateStatus(InstanceStatus.Connecting, message)
				break
			default:
				this.updateStatus(InstanceStatus.Disconnected, message)
		}
	}

	#stateArrived(state) {
		this.state = state
		this.#define()
		this.setVariableValues(variableValues(state, Date.now()))
		this.checkFeedbacks(...FEEDBACKS)
	}

	/** Actions, feedbacks and presets offer the live show's slides and the shows, so they are redefined when those change. */
	#define() {
		const key = JSON.stringify([this.state?.show, this.state?.rundown, this.state?.shows])
		if (key === this.#definedFor) return
		this.#definedFor = key
		this.setActionDefinitions(actionDefinitions(this.state, (command) => this.send(command), (confirm) => this.next(confirm)))
		this.setFeedbackDefinitions(feedbackDefinitions(this.state, () => this.state, () => this.#armed !== null))
		const { structure, presets: defs } = presets(this.state, this.label)
		this.setPresetDefinitions(structure, defs)
	}

	/**
	 * Next; before a step that reveals a winner, with {@code confirm}, the first press only arms it and a second press
	 * within 3 s (on the same version) sends it, so one stray press cannot give the winner away. Answers the HTTP
	 * status, or 0 when it only armed.
	 */
	async next(confirm) {
		const reveals = this.state?.nextReveals === true
		const armedHere = this.#armed && this.#armed.version === this.state?.version && Date.now() - this.#armed.at < REVEAL_CONFIRM_MS
		if (confirm && reveals && !armedHere) {
			this.#arm({ version: this.state.version, at: Date.now() })
			this.log('info', 'Next reveals the winner: press Next again within 3 s to reveal')
			return 0
		}
		this.#arm(null)
		return this.send({ action: 'next' })
	}

	#arm(armed) {
		clearTimeout(this.#disarm)
		this.#armed = armed
		if (armed) {
			this.#disarm = setTimeout(() => this.#arm(null), REVEAL_CONFIRM_MS)
			this.#disarm.unref?.()
		}
		this.setVariableValues({ reveal_armed: armed !== null })
		this.checkFeedbacks('reveal_armed')
	}

	/** Sends a command based on the last state seen; answers Kuvert's HTTP status (0 when unreachable). */
	async send(command) {
		const client = this.#client
		if (!client) {
			this.#refused('not connected to Kuvert: ' + command.action + ' was not sent')
			return 0
		}
		const body = this.state ? { ...command, ifVersion: this.state.version } : command
		let answer
		try {
			answer = await client.send(body)
		} catch (e) {
			this.#refused(`${command.action} was not sent: cannot reach Kuvert (${e?.cause?.code ?? e?.message ?? e})`)
			return 0
		}
		if (answer.status === 200) {
			this.#refusal = null
			this.setVariableValues({ last_error: '' })
			if (answer.body && (!this.state || answer.body.version > this.state.version)) {
				// The stream brings the full state within moments; until then the version must not be stale.
				this.state = { ...this.state, ...answer.body }
			}
			this.#showStatus()
		} else if (answer.status === 409) {
			this.#refused(`${command.action} refused: the show had moved on (now version ${answer.body?.version}); nothing changed, press again`)
		} else if (answer.status === 401) {
			this.#refused(`${command.action} refused: Kuvert does not accept the API token`)
			this.updateStatus(InstanceStatus.AuthenticationFailure, 'Kuvert refused the API token')
		} else {
			this.#refused(`${command.action} refused (${answer.status}): ${answer.body?.error ?? 'no reason given'}`)
		}
		return answer.status
	}

	#refused(message) {
		this.#refusal = message
		this.log('warn', message)
		this.setVariableValues({ last_error: message })
		this.#showStatus()
	}
}
