// `explain` at the lesson prompt: the lines pasted after it are collected as text to explain,
// never run. The words the tutor says about it, and the bounds on what it keeps, as data.

/** A paste being collected: the lines so far, and whether some were left out for being too long. */
export type PasteState = {
	lines: string[];
	/** Characters kept so far (with one newline per line), to stop at `pasteLimits.characters`. */
	characters: number;
	/** Lines (or the end of one) left out because the paste went past a limit. */
	cut: boolean;
};

/**
 * A git error is a few dozen lines; these leave room for a whole `git push` log and stop a paste
 * of a file from filling memory and the transcript. Past them, lines are read and dropped (the
 * paste mode stays on, so the rest of the paste is still never run).
 */
export const pasteLimits = {lines: 200, characters: 20_000} as const;

export const pasteWords = {
	/** The prompt's label while a paste is collected. */
	label: 'paste the error, then an empty line ›',
	/** Said once, when `explain` is entered alone. */
	start: 'Paste the error (the command line may come along: nothing pasted is run), then an empty line or Ctrl+D. Esc or Ctrl+C cancels.',
	/** The line under the prompt while a paste is collected. */
	status: (lines: number) => `Pasting · ${lines} ${lines === 1 ? 'line' : 'lines'} · empty line or Ctrl+D: explain · Esc: cancel`,
	cancelled: 'Explain cancelled: nothing pasted was run, and nothing else changed.',
	empty: 'Nothing was pasted, so there is nothing to explain. Type explain again to paste an error.',
	cut: `The paste was longer than ${pasteLimits.lines} lines or ${pasteLimits.characters.toLocaleString('en-US')} characters: only its start is explained.`,
	/** Marks an echoed pasted line in the transcript, so it never looks like a command that ran. */
	echo: '│ ',
} as const;

export const emptyPaste: PasteState = {lines: [], characters: 0, cut: false};

/** The paste with one more line, unless a limit is reached; `lineCut`: the prompt cut the line short. */
export function addPastedLine(paste: PasteState, line: string, lineCut = false): PasteState {
	const characters = paste.characters + line.length + 1;
	if (paste.lines.length >= pasteLimits.lines || characters > pasteLimits.characters) {
		return paste.cut ? paste : {...paste, cut: true};
	}

	return {lines: [...paste.lines, line], characters, cut: paste.cut || lineCut};
}
