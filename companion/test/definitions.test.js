import { test } from 'node:test'
import assert from 'node:assert/strict'
import { variableValues } from '../src/definitions.js'

const state = {
	version: 7,
	title: 'Testgalan',
	award: 'Årets kommun',
	now: { slide: 2, step: 1, steps: 3, label: 'De nominerade', detail: 'Björkby kommun' },
	next: { label: 'De nominerade' },
	startedAt: Date.UTC(2026, 11, 1, 18, 0, 0),
	segment: { award: 'Årets kommun', minutes: 6, startedAt: Date.UTC(2026, 11, 1, 18, 10, 0) },
}

test('the clock, the time since the start and the segment countdown are worked out from the state', () => {
	const v = variableValues(state, Date.UTC(2026, 11, 1, 19, 12, 30))
	assert.equal(v.since_start, '1:12:30')
	assert.equal(v.segment_left, '-56:30', 'an overrun counts below zero')
	const early = variableValues(state, Date.UTC(2026, 11, 1, 18, 11, 15))
	assert.equal(early.segment_left, '4:45')
	assert.equal(early.since_start, '11:15')
	assert.equal(early.step, '2/3')
	assert.equal(early.slide_detail, 'Björkby kommun')
	assert.match(early.clock, /^\d\d:\d\d:\d\d$/)
})

test('before the first state only the clock is known', () => {
	assert.deepEqual(Object.keys(variableValues(null, Date.now())), ['clock'])
})
