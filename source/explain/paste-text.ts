// A pasted terminal text made plain: colour codes and carriage returns gone, and cut into the
// parts each pasted command line starts, so several errors in one paste are told apart.

/** CSI sequences (colours, cursor moves) and OSC sequences (titles, links), as terminals send them. */
// eslint-disable-next-line no-control-regex
const escapes = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[@-Z\\-_]|\u009B[0-?]*[ -/]*[@-~]/g;

/**
 * Lines a narrow terminal broke: when several lines have exactly the longest length, that length is
 * the terminal's width and each of them continues on the next line (mid-word, or after a space).
 */
function unwrapped(lines: string[]): string[] {
	const width = wrapWidth(lines, 3);
	if (width === undefined) {
		return lines;
	}

	// A line can also fill the width exactly and end there: what starts a line of its own is not a continuation.
	const startsLine = /^(?:\t|(?:fatal|error|hint|warning|remote|To|Please|ssh|ERROR|CONFLICT|Host key|Auto-merging|Automatic merge)\b|\*{3}|\s*!\s|\$ |\s*$)/;
	const joined: string[] = [];
	for (const [index, line] of lines.entries()) {
		const previous = lines[index - 1];
		if (previous?.length === width && !startsLine.test(line) && joined.length > 0) {
			joined[joined.length - 1] += line;
		} else {
			joined.push(line);
		}
	}

	return joined;
}

/** A colour code whose escape character was lost on the way (a terminal's paste, a chat window): [31m, [1;33m, [m. */
const orphanColours = /\[(?:\d{1,3}(?:;\d{1,3})*)?m/g;

/** The width a narrow terminal broke lines at: the longest length, when it is 30 or more and at least `atLeast` lines have it. */
export function wrapWidth(lines: readonly string[], atLeast: number): number | undefined {
	const width = Math.max(0, ...lines.map(line => line.length));
	return width >= 30 && lines.filter(line => line.length === width).length >= atLeast ? width : undefined;
}

export function plainText(text: string): string {
	const lines = text
		.replaceAll(escapes, '')
		.replaceAll(orphanColours, '')
		.split(/\r?\n/)
		// A lone carriage return redraws the line (progress counters): what stays visible is the last draw.
		.map(line => (line.includes('\r') ? line.split('\r').findLast(part => part.trim() !== '') ?? '' : line));
	return unwrapped(lines).map(line => line.trimEnd()).join('\n');
}

export type PastedCommand = {
	/** The command as typed: git push origin main. */
	line: string;
	subcommand: string;
	/** Words that are not options: for push and pull, the remote and then the branches. */
	positionals: string[];
	/** The branch the prompt showed: ~/x (main) $, ➜  x git:(main). */
	promptBranch?: string;
};

export type PastePart = {
	/** The command line pasted before this part's output, when there was one. */
	command?: PastedCommand;
	text: string;
	/** Where this part starts in the whole plain text. */
	offset: number;
};

// A prompt ($, #, %, >, ❯ after anything: ~/x (main) $, PS C:\x>, C:\x>; or Oh My Zsh's ➜) then git, or git at the
// very start of a line. Indented lines are git's own advice (    git push --set-upstream …).
// Oh My Zsh's prompt ends in no such mark: ➜  repo git:(main) ✗ git push.
const commandLine = /^(?:(?:\S.*?)?[$#%>❯]\s*|➜\s+.*?\s)?git\s+(?<words>[a-z][\w-]*(?:\s.*)?)$/;

/** Options of push, pull and fetch whose value is the next word. */
const optionsWithValue = new Set(['-o', '--push-option', '--repo', '--receive-pack', '--exec', '--upload-pack', '--depth', '-j', '--jobs', '-X', '--strategy-option', '-s', '--strategy']);

function parseCommand(line: string): PastedCommand | undefined {
	const match = commandLine.exec(line);
	const words = match?.groups?.['words']?.trim().split(/\s+/);
	if (!words || words.length === 0 || line.startsWith(' ')) {
		return undefined;
	}

	const [subcommand = '', ...rest] = words;
	// Words that are not options, nor the value of an option that takes one (git push -o ci.skip origin main).
	const positionals = rest.filter((word, index) => !word.startsWith('-') && !optionsWithValue.has(rest[index - 1] ?? ''));
	const promptBranch = /\((?<branch>[^\s()|]+)(?:\|[A-Z-]+)?\)\s*(?:✗\s*)?[$#%>❯]?\s*git\s/.exec(line)?.groups?.['branch'];
	return {line: `git ${words.join(' ')}`, subcommand, positionals, ...(promptBranch ? {promptBranch} : {})};
}

/** The parts of a paste, each starting at a pasted git command line (or the start of the paste). */
export function pasteParts(plain: string): PastePart[] {
	const parts: PastePart[] = [];
	let current: PastePart = {text: '', offset: 0};
	let offset = 0;
	for (const line of plain.split('\n')) {
		const command = parseCommand(line);
		if (command) {
			if (current.text.trim() !== '' || current.command) {
				parts.push(current);
			}

			current = {command, text: '', offset};
		} else {
			current.text += `${line}\n`;
		}

		offset += line.length + 1;
	}

	parts.push(current);
	return parts.filter(part => part.text.trim() !== '' || part.command);
}

/** A remote as a pasted command names it: a name, not an address. */
export function pastedRemote(command: PastedCommand | undefined): string | undefined {
	if (!command || !['push', 'pull', 'fetch'].includes(command.subcommand)) {
		return undefined;
	}

	const [remote] = command.positionals;
	return remote !== undefined && /^[\w.-]+$/.test(remote) ? remote : undefined;
}
