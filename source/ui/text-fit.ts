// Width helpers: the live area must never grow taller than planned, so text is measured and cut.

/** Cuts text to a width, marking the cut with an ellipsis. */
export function fit(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	const characters = [...text];
	return characters.length <= width ? text : `${characters.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** How many rows a text takes when wrapped greedily at a width, as Ink wraps it. */
export function wrappedHeight(text: string, width: number): number {
	const usable = Math.max(1, width);
	let rows = 0;
	for (const line of text.split('\n')) {
		rows++;
		let used = 0;
		for (const word of line.split(' ')) {
			const length = [...word].length;
			if (used > 0 && used + 1 + length <= usable) {
				used += 1 + length;
				continue;
			}

			if (used > 0) {
				rows++;
			}

			// A word longer than the width is broken over several rows.
			rows += Math.max(0, Math.ceil(length / usable) - 1);
			used = length % usable || (length === 0 ? 0 : usable);
		}
	}

	return rows;
}
