// The live area during a lesson: where you are, what to do, the boxes, and the prompt.
// Its height is planned to stay below the terminal's, so Ink never has to clear the screen.
import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import type {TutorState, LessonView} from '../tutor/tutor-state.ts';
import {promptLabel} from '../tutor/report-lines.ts';
import {pasteWords} from '../tutor/paste-mode.ts';
import {BoxDiagram, diagramRows, fewestItemRows, type DiagramSize} from './box-diagram.tsx';
import {PromptLine} from './prompt-line.tsx';
import {fit, wrapRows} from './text-fit.ts';
import type {TerminalSize} from './use-terminal-size.ts';

const minimumSize = {columns: 40, rows: 10};

function ProgressBar({step, total, width}: {readonly step: number; readonly total: number; readonly width: number}) {
	const filled = Math.round((Math.min(step, total) / total) * width);
	return (
		<Text>
			<Text color="green">{'█'.repeat(filled)}</Text>
			<Text dimColor>{'░'.repeat(width - filled)}</Text>
		</Text>
	);
}

/**
 * Picks the biggest diagram that leaves the live area shorter than the terminal and leaves the last
 * command's output on screen above it; a full one gets as many item rows as its columns need and
 * the height allows.
 */
function planDiagram(rows: number, textRows: number, outputRows: number, longestColumn: number): {size: DiagramSize; itemRows: number} | undefined {
	// Header, bar, blank, status, prompt and footer take 6 rows; one row stays free.
	const free = rows - 1 - 6 - textRows - outputRows;
	const fullRows = diagramRows.full - fewestItemRows;
	if (free >= diagramRows.full + 1) {
		return {size: 'full', itemRows: Math.min(Math.max(fewestItemRows, longestColumn), free - 1 - fullRows)};
	}

	const size = (['compact', 'line'] as const).find(candidate => (candidate === 'line' ? 1 : diagramRows[candidate] + 1) <= free);
	return size ? {size, itemRows: fewestItemRows} : undefined;
}

/** Rows the last command's lines take on screen (its output, explanation and verdict). */
function lastOutputRows(transcript: TutorState['transcript'], width: number): number {
	const start = transcript.findLastIndex(line => line.tone === 'command');
	return start === -1 ? 0 : transcript.slice(start).reduce((rows, line) => rows + wrapRows(line.text, width).length, 0);
}

export function LessonScreen({state, view, size, color = true}: {readonly state: TutorState; readonly view: LessonView; readonly size: TerminalSize; readonly color?: boolean}) {
	const {lesson, step, diagram} = view;
	const screenReader = useIsScreenReaderEnabled();
	const width = size.columns - 1;
	// While `explain` collects a paste, the label says so: what is entered now is not run.
	const label = state.paste ? pasteWords.label : promptLabel(diagram);
	const prompt = <PromptLine label={label} prompt={state.prompt} busy={state.busy} width={width} color={color}/>;
	const quitWarning = state.progressMemoryOnly ? 'Press Ctrl+C again to quit. Your progress is not saved.' : 'Press Ctrl+C again to quit. Your progress is saved.';
	if (screenReader) {
		// The panel was printed as words when it changed (spoken-panel.ts); live is only the prompt,
		// so a keystroke rewrites one line, not the whole panel.
		return (
			<Box flexDirection="column">
				{prompt}
				{state.quitArmed ? <Text>{quitWarning}</Text> : undefined}
			</Box>
		);
	}

	if (size.columns < minimumSize.columns || size.rows < minimumSize.rows) {
		return (
			<Box flexDirection="column">
				<Text color="yellow">{fit(`Window too small: make it at least ${minimumSize.columns}×${minimumSize.rows}.`, width)}</Text>
				{prompt}
			</Box>
		);
	}

	const current = lesson.steps[Math.min(step, lesson.steps.length - 1)]!;
	// A drill's title already says what it is (Practice · recover · seed 3).
	const heading = view.practice ? lesson.title : `Lesson ${lesson.number} · ${lesson.title}`;
	const counter = `Step ${Math.min(step + 1, lesson.steps.length)} of ${lesson.steps.length}`;
	// The step's text gets at most a third of the screen; the diagram shrinks before it does.
	const textLines = wrapRows(current.text, width);
	const textRows = Math.min(textLines.length, Math.max(2, Math.floor(size.rows / 3)));
	const barWidth = Math.min(width, 24);
	// The output stays readable, but never pushes the diagram below one line.
	const outputRows = Math.min(lastOutputRows(state.transcript, width), Math.max(0, size.rows - 1 - 6 - textRows - 1));
	const longestColumn = Math.max(diagram.desk.length, diagram.openBox.length, diagram.waiting.length, diagram.warehouse.length + (diagram.warehouseOf ? 1 : 0));
	const plan = planDiagram(size.rows, textRows, outputRows, longestColumn);
	const diagramSize = plan?.size;
	const footer = state.paste ? pasteWords.status(state.paste.lines.length) : 'Type git commands here · hint · reset · menu · help · quit';
	const status = state.quitArmed
		? <Text color="yellow">{quitWarning}</Text>
		: <Text dimColor>{fit(footer, width)}</Text>;
	return (
		<Box flexDirection="column" width={size.columns}>
			<Box justifyContent="space-between" width={width}>
				<Text bold>{fit(heading, width - counter.length - 2)}</Text>
				<Text>{counter}</Text>
			</Box>
			<Text>
				<ProgressBar step={step} total={lesson.steps.length} width={barWidth}/>
				<Text bold color="cyan"> {fit(current.title, width - barWidth - 1)}</Text>
			</Text>
			<Box height={textRows} overflow="hidden" width={width}>
				<Text>{textLines.join('\n')}</Text>
			</Box>
			{diagramSize && diagramSize !== 'line' ? <Text> </Text> : undefined}
			{plan ? <BoxDiagram diagram={diagram} width={width} size={plan.size} itemRows={plan.itemRows}/> : undefined}
			<Text> </Text>
			{prompt}
			{status}
		</Box>
	);
}
