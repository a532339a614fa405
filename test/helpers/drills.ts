// What the drill tests share: the first seed that makes a variant, and a bound on sandboxes at once.
import type {DrillName} from '../../source/practice/drill-names.ts';
import {generateDrill} from '../../source/practice/practice-lesson.ts';

/** The first seed below `limit` whose variant starts with these words (a shape, or more) and passes the filter. */
export function seedOf(name: DrillName, variant: string, filter: (text: string) => boolean = () => true, limit = 300): number {
	for (let seed = 0; seed < limit; seed++) {
		const text = generateDrill(name, seed).variant;
		if (text.startsWith(variant) && filter(text)) {
			return seed;
		}
	}

	throw new Error(`no ${name} seed below ${limit} makes "${variant}"`);
}

/** Runs at most `slots` pieces of work at once: ava starts every test of a file together, and the machine has two cores. */
export function limiter(slots: number) {
	let active = 0;
	const waiting: Array<() => void> = [];
	return async <T>(work: () => Promise<T>): Promise<T> => {
		while (active >= slots) {
			// eslint-disable-next-line no-await-in-loop
			await new Promise<void>(resolve => {
				waiting.push(resolve);
			});
		}

		active++;
		try {
			return await work();
		} finally {
			active--;
			waiting.shift()?.();
		}
	};
}
