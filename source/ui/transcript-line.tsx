import {Text} from 'ink';
import type {TranscriptLine} from '../tutor/tutor-state.ts';

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

export function TranscriptText({line}: {readonly line: TranscriptLine}) {
	// An empty Text would take no row; a space keeps blank output lines.
	return <Text {...styles[line.tone]}>{line.text === '' ? ' ' : line.text}</Text>;
}
