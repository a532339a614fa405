// Patterns for git's messages that still match after a narrow terminal wrapped a line: any space
// may be a line break, and a break may fall inside a word (copied wrapped text keeps it).

export type Piece = string | {name: string; source: string};

/** A named part of a message: a branch, a remote, a file. Defaults to one word, no quotes. */
export const slot = (name: string, source = String.raw`[^\s'"]+`): Piece => ({name, source});

const escapeChar = (char: string) => char.replace(/[$()*+.?[\\\]^{|}]/, String.raw`\$&`);

export function looseSource(text: string): string {
	let source = '';
	for (const char of text) {
		if (/\s/.test(char)) {
			source += String.raw`\s+`;
		} else {
			source += (source === '' || source.endsWith(String.raw`\s+`) ? '' : '\n?') + escapeChar(char);
		}
	}

	return source.replaceAll(String.raw`\s+\s+`, String.raw`\s+`);
}

/** A global regular expression for the pieces in order, case as git writes it. */
export function loose(...pieces: Piece[]): RegExp {
	const source = pieces.map(piece => (typeof piece === 'string' ? looseSource(piece) : `(?<${piece.name}>${piece.source})`)).join('');
	return new RegExp(source, 'g');
}
