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
 * How many rows a text takes when Ink wraps it at a width. Ink wraps with wrap-ansi (hard, no
 * trimming), which keeps spaces: a space can end a row or start the next, and a long word may
 * start on the current row. Mirrored step by step so the count matches. Widths are code points,
 * as in `fit`.
 */
export function wrappedHeight(text: string, width: number): number {
	const columns = Math.max(1, width);
	let rows = 0;
	for (const line of text.normalize().split('\n')) {
		rows++;
		let used = 0;
		for (const [index, word] of line.split(' ').entries()) {
			const length = [...word].length;
			if (index > 0) {
				// The space before the word stays, on a new row when this one is full.
				if (used >= columns) {
					rows++;
					used = 0;
				}

				used++;
			}

			if (length > columns) {
				// A word wider than a row starts on a fresh row only when that saves a break.
				const breaksHere = 1 + Math.floor((length - (columns - used) - 1) / columns);
				const breaksOnNext = Math.floor((length - 1) / columns);
				if (breaksOnNext < breaksHere) {
					rows++;
					used = 0;
				}

				for (let character = 0; character < length; character++) {
					used++;
					if (used === columns && character < length - 1) {
						rows++;
						used = 0;
					}
				}

				continue;
			}

			if (used + length > columns && used > 0 && length > 0) {
				rows++;
				used = 0;
			}

			used += length;
		}
	}

	return rows;
}
