import {Text, useIsScreenReaderEnabled} from 'ink';
import type {TranscriptLine} from '../tutor/tutor-state.ts';
import {wrapRows} from './text-fit.ts';

const styles: Record<TranscriptLine['tone'], {color?: string; bold?: boolean; dimColor?: boolean}> = {
	command: {bold: true},
	output: {},
	success: {color: 'green'},
	nudge: {color: 'yellow'},
	explain: {color: 'cyan'},
	note: {dimColor: true},
	warning: {color: 'red'},
	heading: {bold: true, color: 'blue'},
	complete: {bold: true, color: 'green'},
	event: {bold: true, color: 'magenta'},
};

/** The marks that start the tutor's own lines, and what a screen reader hears instead. */
const spokenMarks: ReadonlyArray<[mark: string, words: string]> = [
	['✓ ', 'Passed: '],
	['↳ ', ''],
	['→ ', 'Not yet: '],
	['★ ', ''],
	['⚑ ', 'News: '],
	['↷ ', ''],
];

function spokenText(text: string): string {
	const found = spokenMarks.find(([mark]) => text.startsWith(mark));
	return found ? found[1] + text.slice(found[0].length) : text;
}

export function TranscriptText({line, width}: {readonly line: TranscriptLine; readonly width: number}) {
	const screenReader = useIsScreenReaderEnabled();
	const text = screenReader ? spokenText(line.text) : line.text;
	// Wrapped here, not by Ink, so a wrapped row never starts with a space. An empty Text would
	// take no row; a space keeps blank output lines.
	return <Text {...styles[line.tone]}>{text === '' ? ' ' : wrapRows(text, width).join('\n')}</Text>;
}
