// Turns raw terminal input into key events. Ink's own parser reports Backspace (\x7f) as Delete
// and merges pasted lines, so the tutor reads the raw chunks itself.

export type NamedKey = 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end'
	| 'wordLeft' | 'wordRight' | 'deleteToStart' | 'deleteToEnd' | 'deleteWordBack'
	| 'interrupt' | 'endOfInput' | 'clearScreen' | 'escape' | 'tab';

export type KeyEvent = {key: 'text'; text: string} | {key: NamedKey};

const sequences: Record<string, NamedKey> = {
	'\u001B[A': 'up', '\u001BOA': 'up',
	'\u001B[B': 'down', '\u001BOB': 'down',
	'\u001B[C': 'right', '\u001BOC': 'right',
	'\u001B[D': 'left', '\u001BOD': 'left',
	'\u001B[H': 'home', '\u001BOH': 'home', '\u001B[1~': 'home', '\u001B[7~': 'home',
	'\u001B[F': 'end', '\u001BOF': 'end', '\u001B[4~': 'end', '\u001B[8~': 'end',
	'\u001B[3~': 'delete',
	'\u001B[1;5D': 'wordLeft', '\u001B[1;3D': 'wordLeft', '\u001Bb': 'wordLeft',
	'\u001B[1;5C': 'wordRight', '\u001B[1;3C': 'wordRight', '\u001Bf': 'wordRight',
	'\u001B\u007F': 'deleteWordBack',
	'\u001B': 'escape',
};

const controls: Record<string, NamedKey> = {
	'\r': 'enter', '\n': 'enter',
	'\u007F': 'backspace', '\b': 'backspace',
	'\u0001': 'home', '\u0005': 'end',
	'\u0002': 'left', '\u0006': 'right',
	'\u0010': 'up', '\u000E': 'down',
	'\u0015': 'deleteToStart', '\u000B': 'deleteToEnd', '\u0017': 'deleteWordBack',
	'\u0003': 'interrupt', '\u0004': 'endOfInput', '\u000C': 'clearScreen',
	'\t': 'tab',
};

export function parseKeys(chunk: string): KeyEvent[] {
	// Bracketed paste markers carry no keys.
	const data = chunk.replaceAll('\u001B[200~', '').replaceAll('\u001B[201~', '');
	// Own keys only: a pasted "constructor" is text, not a member of Object.
	const known = Object.hasOwn(sequences, data) ? sequences[data] : undefined;
	if (known) {
		return [{key: known}];
	}

	if (data.startsWith('\u001B')) {
		// An escape sequence the tutor does not use (F-keys, mouse...): ignore it.
		return [];
	}

	const events: KeyEvent[] = [];
	let text = '';
	for (let index = 0; index < data.length; index++) {
		const character = data[index]!;
		const control = controls[character];
		if (control === undefined && character >= ' ') {
			text += character;
			continue;
		}

		if (text) {
			events.push({key: 'text', text});
			text = '';
		}

		// A pasted Windows line ending is one Enter, not two.
		if (character === '\r' && data[index + 1] === '\n') {
			index++;
		}

		if (control) {
			events.push({key: control});
		}
	}

	if (text) {
		events.push({key: 'text', text});
	}

	return events;
}
