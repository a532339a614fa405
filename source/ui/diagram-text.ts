// The diagram's words: column contents and the route line. Pure, so the box drawing and the
// screen-reader panel say the same things; `spoken` swaps the glyphs for words.
import {marks, type BoxLabel, type Diagram, type Route} from '../tutor/diagram-model.ts';

/** `count`: how many things the column holds (its items may start with a heading that is not one). */
export type Column = {title: string; color: string; items: string[]; empty: string; count: number};

/** ▣ a box the learner has, ✚ one someone else shipped that has not come home yet, ◇ one of the learner's own their branch no longer holds. */
function box(label: BoxLabel, spoken: boolean): string {
	const text = `${label.by ? `${label.by}: ` : ''}${label.subject}`;
	if (spoken) {
		return label.notHome ? `${text} (not home yet)` : label.replaced ? `${text} (yours, no longer in your branch)` : text;
	}

	return `${label.notHome ? marks.notHome : label.replaced ? marks.replaced : marks.box} ${text}`;
}

export function columns(diagram: Diagram, spoken = false): Column[] {
	const warehouseEmpty = diagram.route.kind === 'none' ? 'no address yet' : '(empty)';
	return [
		{title: 'DESK', color: 'yellow', items: diagram.desk, empty: '(clear)', count: diagram.desk.length},
		{title: 'OPEN BOX', color: 'cyan', items: diagram.openBox, empty: '(empty)', count: diagram.openBox.length},
		{title: 'SEALED, UNSHIPPED', color: 'magenta', items: diagram.waiting.map(label => box(label, spoken)), empty: '(none)', count: diagram.waiting.length},
		{
			title: 'WAREHOUSE=GitHub',
			color: 'green',
			// On a branch the warehouse does not have yet, the column shows main's boxes, and says so.
			items: [...(diagram.warehouseOf && diagram.warehouse.length > 0 ? [`(${diagram.warehouseOf}:)`] : []), ...diagram.warehouse.map(label => box(label, spoken))],
			empty: warehouseEmpty,
			count: diagram.warehouse.length,
		},
	];
}

const waiting: Record<NonNullable<Diagram['operation']>, string> = {
	merge: 'merging: resolve, git add, then git commit',
	rebase: 'rebasing: resolve, git add, then git rebase --continue',
	'cherry-pick': 'cherry-picking: resolve, git add, then git cherry-pick --continue',
	revert: 'reverting: resolve, git add, then git revert --continue',
};

/** The route line, and what git waits for when it stopped in the middle of something. */
export function statusLine(diagram: Diagram, spoken = false): string {
	// While git waits, what to do next matters more than the counts.
	const pending = diagram.operation ? `${separatorOf(spoken)}${waiting[diagram.operation]}` : '';
	if (diagram.detachedAt) {
		return `HEAD is detached at ${diagram.detachedAt}: not on a branch${pending}`;
	}

	// During a rebase HEAD is detached, but the route is still the rebased branch's.
	const branch = diagram.workBranch ?? diagram.branch;
	return diagram.operation
		? `${routeText(diagram.route, branch, false, spoken)}${pending}`
		: routeText(diagram.route, branch, true, spoken);
}

/** A screen reader says "middle dot"; a semicolon is read as a pause. */
const separatorOf = (spoken: boolean) => (spoken ? '; ' : ' · ');

function routeText(route: Route, branch: string | undefined, withCounts: boolean, spoken: boolean): string {
	const separator = separatorOf(spoken);
	switch (route.kind) {
		case 'none': {
			return 'Route: the truck has no address (no remote)';
		}

		case 'address': {
			return route.reaches
				? `Route: ${route.remote} is the address${separator}not saved for ${branch ?? 'this branch'} yet`
				: `Route: ${route.remote} points somewhere that is not your online repository`;
		}

		case 'saved': {
			// Counted against origin/main, the learner's last look at the warehouse, so say so.
			const counts = !withCounts ? '' : [route.ahead > 0 ? `${route.ahead} to ship` : '', route.behind > 0 ? `${route.behind} to bring home` : ''].filter(Boolean).join(', ');
			const to = spoken ? 'ships to' : '→';
			const stale = route.stale ? `${separator}${route.upstream} is out of date (git fetch)` : '';
			return `Route: ${branch ?? 'HEAD'} ${to} ${route.upstream} (saved)${route.reaches ? '' : `${separator}not your online repository`}${counts ? `${separator}against ${route.upstream}: ${counts}` : ''}${stale}`;
		}
	}
}

/** The diagram as sentences, one a column and one for the route, in words only (a screen reader's). */
export function diagramSentences(diagram: Diagram): string[] {
	return [
		...columns(diagram, true).map(column => `${column.title}: ${column.items.length === 0 ? column.empty : column.items.join(', ')}.`),
		`${statusLine(diagram, true)}.`,
	];
}
