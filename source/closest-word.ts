// "Did you mean ...?" for typos in commands, options and lesson files.

/** Optimal string alignment distance: a swapped pair of letters counts as one edit. */
function editDistance(a: string, b: string): number {
	const rows: number[][] = [];
	for (let i = 0; i <= a.length; i++) {
		const row: number[] = [];
		for (let j = 0; j <= b.length; j++) {
			if (i === 0 || j === 0) {
				row.push(i + j);
				continue;
			}

			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let distance = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
			}

			row.push(distance);
		}

		rows.push(row);
	}

	return rows[a.length]![b.length]!;
}

/** The known word closest to the input (ignoring case), if it is at most `maxDistance` edits away; ties go to the first listed. */
export function closestWord(input: string, known: readonly string[], maxDistance: number): string | undefined {
	let best: string | undefined;
	let bestDistance = maxDistance + 1;
	for (const name of known) {
		const distance = editDistance(input.toLowerCase(), name.toLowerCase());
		if (distance < bestDistance) {
			best = name;
			bestDistance = distance;
		}
	}

	return best;
}
