// Width helpers: the live area must never grow taller than planned, so text is measured and cut.

/** Cuts text to a width, marking the cut with an ellipsis. */
export function fit(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	const characters = [...text];
	return characters.length <= width ? text : `${characters.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/**
 * Cuts text into rows of at most `width` code points, breaking at spaces. The spaces at a break
 * are dropped, so no row starts with one (Ink's own wrapping keeps them); a row keeps the
 * indentation its line started with, and `hanging` indents the rows after a line's first.
 * Rows rendered from here never wrap again, so their count is the height on screen.
 */
export function wrapRows(text: string, width: number, hanging = ''): string[] {
	const columns = Math.max(1, width);
	return text.normalize().split('\n').flatMap(line => wrapLine(line, columns, hanging));
}

function wrapLine(line: string, columns: number, hanging: string): string[] {
	const length = (text: string) => [...text].length;
	if (length(line) <= columns) {
		return [line];
	}

	const leading = /^ */.exec(line)![0];
	// An indent that leaves no room for words is dropped rather than kept on every row.
	const indent = leading.length * 2 <= columns ? leading : '';
	const next = length(indent + hanging) < columns ? indent + hanging : indent;
	const rows: string[] = [];
	let row = indent;
	let rowIndent = indent;
	for (const word of line.slice(leading.length).split(' ')) {
		const room = columns - length(row);
		if (row !== rowIndent && length(word) + 1 <= room) {
			row += ` ${word}`;
			continue;
		}

		if (row !== rowIndent) {
			rows.push(row.trimEnd());
			row = next;
			rowIndent = next;
		}

		// A word wider than a row is cut into pieces that fill whole rows.
		let rest = [...word];
		while (rest.length > columns - length(row)) {
			const fits = Math.max(1, columns - length(row));
			rows.push(row + rest.slice(0, fits).join(''));
			rest = rest.slice(fits);
			row = next;
			rowIndent = next;
		}

		row += rest.join('');
	}

	if (row !== rowIndent || rows.length === 0) {
		rows.push(row.trimEnd());
	}

	return rows;
}
