// The analogy on screen: desk, open box, sealed boxes waiting, the warehouse, and the route.
import {Box, Text} from 'ink';
import {marks, type Diagram, type Route} from '../tutor/diagram-model.ts';
import {columns, statusLine, type Column} from './diagram-text.ts';
import {fit} from './text-fit.ts';

export type DiagramSize = 'full' | 'compact' | 'line';

/** Rows each size takes with the fewest item rows, so the lesson screen can plan its height. */
export const diagramRows: Record<DiagramSize, number> = {full: 7, compact: 5, line: 1};
/** Item rows a full diagram shows at the least; a taller terminal shows more (title, borders and route take 4). */
export const fewestItemRows = 3;

const arrow = (route: Route) => (route.kind === 'none' ? marks.noAddress : route.kind === 'saved' ? marks.saved : marks.address);

function shownItems(column: Column, rows: number): string[] {
	if (column.items.length === 0) {
		return [column.empty];
	}

	if (column.items.length <= rows) {
		return column.items;
	}

	return [...column.items.slice(0, rows - 1), `+${column.items.length - rows + 1} more`];
}

/**
 * The boxes drawn live; the one-line size is a count a column, for a short terminal. A screen
 * reader gets the diagram as printed sentences instead (spoken-panel.ts).
 */
export function BoxDiagram({diagram, width, size, itemRows = fewestItemRows}: {readonly diagram: Diagram; readonly width: number; readonly size: DiagramSize; readonly itemRows?: number}) {
	const all = columns(diagram);
	if (size === 'line') {
		return <Text>{fit(all.map(column => `${column.title}: ${column.count === 0 ? column.empty : column.count}`).join(' · '), width)}</Text>;
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
