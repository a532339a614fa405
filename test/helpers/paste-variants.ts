// The ways one git error reaches `explain` (issue 13): hint lines turned off, colours from the
// terminal, Windows line ends, the shell prompt copied along, a narrow terminal's hard wraps.

/** As with advice.* set to false: git drops every hint line and changes nothing else. */
export function withoutHints(text: string): string {
	return text.split('\n').filter(line => !/^hint:/.test(line)).join('\n');
}

const red = (text: string) => `\u001B[31m${text}\u001B[m`;

/** The colours a terminal adds: red error/fatal prefixes and ref statuses, yellow hints. */
export function coloured(text: string): string {
	return text.split('\n').map(line => {
		if (line.startsWith('hint:')) {
			return `\u001B[33m${line}\u001B[m`;
		}

		const prefix = /^(error|fatal|warning):/.exec(line);
		if (prefix) {
			return `\u001B[1m${red(prefix[0])}${line.slice(prefix[0].length)}`;
		}

		// " ! [rejected]        main -> main (fetch first)": the flag and status in red, as git paints them.
		const status = /^ ([!*+=-] \[[^\]]+\]\s*)(.*)$/.exec(line);
		return status ? ` ${red(status[1]!)}${status[2]!}` : line;
	}).join('\n');
}

export function withCrlf(text: string): string {
	return text.replaceAll('\n', '\r\n');
}

/** The prompt of a shell that shows the folder and branch, as copied from a terminal. */
export function withPrompt(text: string): string {
	return text.replace(/^\$ /, '~/shipment (main) $ ');
}

/** A terminal `columns` wide that broke long lines where the edge was (some copy them so). */
export function hardWrapped(text: string, columns = 40): string {
	return text.split('\n').flatMap(line => {
		const parts: string[] = [];
		for (let start = 0; start < line.length; start += columns) {
			parts.push(line.slice(start, start + columns));
		}

		return parts.length === 0 ? [''] : parts;
	}).join('\n');
}

export const variants: ReadonlyArray<{name: string; change: (text: string) => string}> = [
	{name: 'without hints', change: withoutHints},
	{name: 'in colour', change: coloured},
	{name: 'with CRLF', change: withCrlf},
	{name: 'with a prompt', change: withPrompt},
	{name: 'wrapped at 40 columns', change: hardWrapped},
];
