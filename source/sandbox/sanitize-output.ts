// Everything the tutor shows that it did not write itself (git's output, file contents, file
// names, box labels) passes here, so no text can steer the terminal: set the window title (OSC 0),
// write the clipboard (OSC 52), move the cursor to draw over the tutor's own lines, and the like.
// Pure: no terminal state, the same text always gives the same result.

/**
 * An SGR sequence (colours and bold), the only escape sequence ever passed on; an erase-to-end-of-line
 * (git writes \r ESC[K to tidy a progress line), dropped as harmless; or one control character.
 */
const lineToken = /\u001B\[[\d;:]*m|\u001B\[0?K|[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;
/** In a name every control is shown, tab included: it would break the diagram's columns. */
const nameToken = /[\u0000-\u001F\u007F-\u009F]/g;

/** A control character as visible text: ^[ for ESC (as `cat -v` shows it), <9B> for C1 controls. */
function visible(character: string): string {
	const code = character.codePointAt(0)!;
	if (code < 0x20) {
		return `^${String.fromCodePoint(code + 0x40)}`;
	}

	return code === 0x7F ? '^?' : `<${code.toString(16).toUpperCase()}>`;
}

/**
 * A bare carriage return starts its line again (git's progress counters): only the last text
 * written after one is kept (a counter's final state), so nothing can overwrite what the tutor printed.
 */
function lastRedraw(line: string): string {
	const parts = line.split('\r').filter(part => part !== '');
	return parts.at(-1) ?? '';
}

function escapeLine(line: string, color: boolean): string {
	let keptSgr = false;
	const escaped = line.replaceAll(lineToken, token => {
		if (token.length === 1) {
			return visible(token);
		}

		if (token.endsWith('K')) {
			return '';
		}

		keptSgr ||= color;
		return color ? token : '';
	});
	// A colour left on would tint the tutor's next line.
	return keptSgr ? `${escaped}\u001B[0m` : escaped;
}

/**
 * Output as a terminal would show it, made harmless: lines stay lines, tabs stay tabs, colours
 * stay when colour is on and go when it is off, every other control character becomes visible text.
 */
export function sanitizeOutput(text: string, options: {color: boolean}): string {
	return text.replaceAll('\r\n', '\n').split('\n').map(line => escapeLine(lastRedraw(line), options.color)).join('\n');
}

/** A name or label shown inside the tutor's own layout (the box diagram): one line, every control visible. */
export function sanitizeName(text: string): string {
	return text.replaceAll(nameToken, visible);
}
