// A pure reducer for the tutor's own prompt line, so editing keys behave like a
// familiar shell prompt and every keystroke can be tested without a terminal.
import {maxLineLength} from '../shell/parse-command-line.ts';

export type PromptState = {
	value: string;
	cursor: number; // index into value, 0..value.length
	history: string[]; // oldest first
	historyIndex: number | undefined; // undefined = editing the draft
	draft: string; // unsent text saved when browsing history
};

export type PromptAction =
	| {type: 'insert'; text: string}
	| {type: 'backspace'} | {type: 'delete'}
	| {type: 'left'} | {type: 'right'} | {type: 'home'} | {type: 'end'}
	| {type: 'wordLeft'} | {type: 'wordRight'}
	| {type: 'deleteToStart'} // Ctrl+U
	| {type: 'deleteToEnd'} // Ctrl+K
	| {type: 'deleteWordBack'} // Ctrl+W
	| {type: 'historyUp'} | {type: 'historyDown'}
	| {type: 'submit'} // clears value, pushes it to history
	| {type: 'clear'}; // clears value (Ctrl+C on a non-empty line), history untouched

// One more than the command-line parser takes: an overlong paste then reaches the parser and is
// refused as too long, instead of being cut short and run as a different command.
export const maxValueLength = maxLineLength + 1;
const maxHistoryLength = 200;

export const emptyPrompt: PromptState = {
	value: '',
	cursor: 0,
	history: [],
	historyIndex: undefined,
	draft: '',
};

function isHighSurrogate(code: number): boolean {
	return code >= 0xD8_00 && code <= 0xDB_FF;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xDC_00 && code <= 0xDF_FF;
}

// True when index sits between the two halves of one emoji or other astral character.
function splitsPair(value: string, index: number): boolean {
	return index > 0 && index < value.length
		&& isHighSurrogate(value.charCodeAt(index - 1))
		&& isLowSurrogate(value.charCodeAt(index));
}

function clampCursor(value: string, cursor: number): number {
	const clamped = Number.isFinite(cursor) ? Math.min(Math.max(Math.trunc(cursor), 0), value.length) : value.length;
	return splitsPair(value, clamped) ? clamped - 1 : clamped;
}

function previousBoundary(value: string, cursor: number): number {
	if (cursor <= 0) {
		return 0;
	}

	return splitsPair(value, cursor - 1) ? cursor - 2 : cursor - 1;
}

function nextBoundary(value: string, cursor: number): number {
	if (cursor >= value.length) {
		return value.length;
	}

	return splitsPair(value, cursor + 1) ? cursor + 2 : cursor + 1;
}

// Words are split on spaces only, like Ctrl+W in bash, so `origin/main` is one word.
function wordStartBefore(value: string, cursor: number): number {
	let index = cursor;
	while (index > 0 && value.charAt(index - 1) === ' ') {
		index--;
	}

	while (index > 0 && value.charAt(index - 1) !== ' ') {
		index--;
	}

	return index;
}

function wordEndAfter(value: string, cursor: number): number {
	let index = cursor;
	while (index < value.length && value.charAt(index) === ' ') {
		index++;
	}

	while (index < value.length && value.charAt(index) !== ' ') {
		index++;
	}

	return index;
}

function cleanInsertedText(text: string): string {
	return text
		.replaceAll('\t', ' ')
		// C1 controls too: some terminals obey U+009B as an escape sequence's start.
		.replaceAll(/[\u0000-\u001F\u007F-\u009F]/g, '');
}

function showHistoryEntry(state: PromptState, historyIndex: number | undefined, draft: string): PromptState {
	const value = historyIndex === undefined ? draft : state.history[historyIndex] ?? '';
	return {
		...state,
		value,
		cursor: value.length,
		historyIndex,
		draft: historyIndex === undefined ? '' : draft,
	};
}

function edit(state: PromptState, value: string, cursor: number): PromptState {
	if (value === state.value && cursor === state.cursor) {
		return state;
	}

	return {...state, value, cursor};
}

export function promptReducer(state: PromptState, action: PromptAction): PromptState {
	const {value} = state;
	// A caller-built state may carry a stale cursor; never act on one out of range.
	const cursor = clampCursor(value, state.cursor);

	switch (action.type) {
		case 'insert': {
			let text = cleanInsertedText(action.text);
			const room = maxValueLength - value.length;
			if (text.length > room) {
				text = text.slice(0, Math.max(room, 0));
				// Do not keep half of an emoji when the cap cuts through it.
				if (text.length > 0 && isHighSurrogate(text.charCodeAt(text.length - 1))) {
					text = text.slice(0, -1);
				}
			}

			if (text === '') {
				return edit(state, value, cursor);
			}

			return edit(state, value.slice(0, cursor) + text + value.slice(cursor), cursor + text.length);
		}

		case 'backspace': {
			const start = previousBoundary(value, cursor);
			return edit(state, value.slice(0, start) + value.slice(cursor), start);
		}

		case 'delete': {
			const end = nextBoundary(value, cursor);
			return edit(state, value.slice(0, cursor) + value.slice(end), cursor);
		}

		case 'left': {
			return edit(state, value, previousBoundary(value, cursor));
		}

		case 'right': {
			return edit(state, value, nextBoundary(value, cursor));
		}

		case 'home': {
			return edit(state, value, 0);
		}

		case 'end': {
			return edit(state, value, value.length);
		}

		case 'wordLeft': {
			return edit(state, value, wordStartBefore(value, cursor));
		}

		case 'wordRight': {
			return edit(state, value, wordEndAfter(value, cursor));
		}

		case 'deleteToStart': {
			return edit(state, value.slice(cursor), 0);
		}

		case 'deleteToEnd': {
			return edit(state, value.slice(0, cursor), cursor);
		}

		case 'deleteWordBack': {
			const start = wordStartBefore(value, cursor);
			return edit(state, value.slice(0, start) + value.slice(cursor), start);
		}

		case 'historyUp': {
			if (state.history.length === 0) {
				return edit(state, value, cursor);
			}

			if (state.historyIndex === undefined) {
				return showHistoryEntry(state, state.history.length - 1, value);
			}

			// Already on the oldest entry: stay put rather than wrap around.
			if (state.historyIndex <= 0) {
				return edit(state, value, cursor);
			}

			return showHistoryEntry(state, Math.min(state.historyIndex - 1, state.history.length - 1), state.draft);
		}

		case 'historyDown': {
			if (state.historyIndex === undefined) {
				return edit(state, value, cursor);
			}

			const newer = state.historyIndex + 1;
			return showHistoryEntry(state, newer < state.history.length ? newer : undefined, state.draft);
		}

		case 'submit': {
			const newest = state.history.at(-1);
			const keep = value.trim() !== '' && value !== newest;
			const history = keep ? [...state.history, value].slice(-maxHistoryLength) : state.history;
			return {...emptyPrompt, history};
		}

		case 'clear': {
			return {...emptyPrompt, history: state.history};
		}
	}
}
