// The analogy on screen: desk, open box, sealed boxes waiting, the warehouse, and the route.
import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import type {BoxLabel, Diagram, Route} from '../tutor/diagram-model.ts';
import {fit} from './text-fit.ts';

export type DiagramSize = 'full' | 'compact' | 'line';

/** Rows each size takes, so the lesson screen can plan its height. */
export const diagramRows: Record<DiagramSize, number> = {full: 7, compact: 5, line: 1};
const itemRows = 3;

type Column = {title: string; color: string; items: string[]; empty: string};

/** ▣ for a box the learner has, ✚ for one someone else shipped that has not come home yet. */
const box = (label: BoxLabel) => `${label.notHome ? '✚' : '▣'} ${label.by ? `${label.by}: ` : ''}${label.subject}`;

function columns(diagram: Diagram): Column[] {
	const warehouseEmpty = diagram.route.kind === 'none' ? 'no address yet' : '(empty)';
	return [
		{title: 'DESK', color: 'yellow', items: diagram.desk, empty: '(clear)'},
		{title: 'OPEN BOX', color: 'cyan', items: diagram.openBox, empty: '(empty)'},
		{title: 'SEALED, UNSHIPPED', color: 'magenta', items: diagram.waiting.map(label => box(label)), empty: '(none)'},
		{title: 'WAREHOUSE=GitHub', color: 'green', items: diagram.warehouse.map(label => box(label)), empty: warehouseEmpty},
	];
}

const waiting: Record<NonNullable<Diagram['operation']>, string> = {
	merge: 'merging: resolve, git add, then git commit',
	rebase: 'rebasing: resolve, git add, then git rebase --continue',
	'cherry-pick': 'cherry-picking: resolve, git add, then git cherry-pick --continue',
	revert: 'reverting: resolve, git add, then git revert --continue',
};

/** The route line, and what git waits for when it stopped in the middle of something. */
function statusLine(diagram: Diagram): string {
	// While git waits, what to do next matters more than the last fetch's counts.
	if (diagram.detachedAt) {
		return `HEAD is detached at ${diagram.detachedAt}: not on a branch${diagram.operation ? ` · ${waiting[diagram.operation]}` : ''}`;
	}

	return diagram.operation
		? `${routeText(diagram.route, diagram.workBranch ?? diagram.branch, false)} · ${waiting[diagram.operation]}`
		: routeText(diagram.route, diagram.workBranch ?? diagram.branch, true);
}

function routeText(route: Route, branch: string | undefined, withCounts: boolean): string {
	switch (route.kind) {
		case 'none': {
			return 'Route: the truck has no address (no remote)';
		}

		case 'address': {
			return route.reaches
				? `Route: ${route.remote} is the address · not saved for ${branch ?? 'this branch'} yet`
				: `Route: ${route.remote} points somewhere that is not your online repository`;
		}

		case 'saved': {
			// Ahead and behind are what the last fetch saw, which is why the warehouse may differ.
			const counts = !withCounts ? '' : [route.ahead > 0 ? `${route.ahead} to ship` : '', route.behind > 0 ? `${route.behind} to bring home` : ''].filter(Boolean).join(', ');
			return `Route: ${branch ?? 'HEAD'} → ${route.upstream} (saved)${route.reaches ? '' : ' · not your online repository'}${counts ? ` · last fetch: ${counts}` : ''}`;
		}
	}
}

const arrow = (route: Route) => (route.kind === 'none' ? '✗' : route.kind === 'saved' ? '⇒' : '→');

function shownItems(column: Column, rows: number): string[] {
	if (column.items.length === 0) {
		return [column.empty];
	}

	if (column.items.length <= rows) {
		return column.items;
	}

	return [...column.items.slice(0, rows - 1), `+${column.items.length - rows + 1} more`];
}

/** The diagram as sentences, one a column and one for the route, for a screen reader. */
export function diagramSentences(diagram: Diagram): string[] {
	return [
		...columns(diagram).map(column => `${column.title}: ${column.items.length === 0 ? column.empty : column.items.join(', ')}.`),
		`${statusLine(diagram)}.`,
	];
}

/**
 * Full and compact sizes are read as sentences in screen-reader mode; the one-line size is a
 * count a column in both modes, for a terminal too short for the sentences.
 */
export function BoxDiagram({diagram, width, size}: {readonly diagram: Diagram; readonly width: number; readonly size: DiagramSize}) {
	const screenReader = useIsScreenReaderEnabled();
	const all = columns(diagram);
	if (size === 'line') {
		return <Text>{fit(all.map(column => `${column.title}: ${column.items.length === 0 ? column.empty : column.items.length}`).join(' · '), width)}</Text>;
	}

	if (screenReader) {
		return <Box flexDirection="column">{diagramSentences(diagram).map(sentence => <Text key={sentence}>{sentence}</Text>)}</Box>;
	}

	if (size === 'compact') {
		return (
			<Box flexDirection="column">
				{all.map(column => (
					<Text key={column.title}>
						<Text color={column.color} bold>{column.title.padEnd(21)}</Text>
						{fit(column.items.length === 0 ? column.empty : column.items.join(', '), width - 21)}
					</Text>
				))}
				<Text dimColor>{fit(statusLine(diagram), width)}</Text>
			</Box>
		);
	}

	// Four bordered columns and the arrow between sealed boxes and the warehouse.
	const columnWidth = Math.max(8, Math.floor((width - 3 - 3) / 4));
	// Border on both sides and one space of padding on the left.
	const inner = columnWidth - 3;
	const renderColumn = (column: Column) => (
		<Box key={column.title} flexDirection="column" width={columnWidth}>
			<Text color={column.color} bold>{fit(column.title, columnWidth)}</Text>
			<Box borderStyle="round" borderColor={column.color} flexDirection="column" paddingLeft={1} height={itemRows + 2}>
				{shownItems(column, itemRows).map((item, index) => (
					<Text key={`${index}-${item}`} dimColor={column.items.length === 0}>{fit(item, inner)}</Text>
				))}
			</Box>
		</Box>
	);
	return (
		<Box flexDirection="column">
			<Box>
				{renderColumn(all[0]!)}
				<Text> </Text>
				{renderColumn(all[1]!)}
				<Text> </Text>
				{renderColumn(all[2]!)}
				<Box width={3} justifyContent="center" alignItems="center" height={itemRows + 3} paddingTop={1}>
					<Text bold color={diagram.route.kind === 'none' ? 'red' : 'green'}>{arrow(diagram.route)}</Text>
				</Box>
				{renderColumn(all[3]!)}
			</Box>
			<Text dimColor>{fit(statusLine(diagram), width)}</Text>
		</Box>
	);
}
