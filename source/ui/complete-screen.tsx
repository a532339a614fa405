import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import type {Lesson} from '../lessons/lesson-types.ts';
import {completeWordsFor} from '../tutor/screen-words.ts';
import type {DrillListing, PracticeRun} from '../tutor/tutor-state.ts';
import {fit, wrapRows} from './text-fit.ts';
import {TypedLine} from './typed-line.tsx';

/** "next (n) · replay (r) · …", from the word list, with what Enter alone does first. */
function choicesLine(enter: string, screenReader: boolean, drill: boolean): string {
	const words = completeWordsFor(drill).map(entry => (entry.words[1] && entry.words[1].length === 1 && entry.action !== 'help' ? `${entry.words[0]} (${entry.words[1]})` : entry.words[0]));
	return `Enter: ${enter}${screenReader ? '. Or type ' : ' · or type '}${words.join(screenReader ? ', ' : ' · ')} and Enter`;
}

export const typedHint = 'type a word, then Enter';

// The "★ Lesson complete: title" line printed just above says which lesson ended; not repeated here.
export function CompleteScreen({lesson, next, practice, drills = [], typed = '', ready = true, width}: {
	readonly lesson: Lesson;
	readonly next: Lesson | undefined;
	/** Set when the finished lesson was a practice drill. */
	readonly practice?: PracticeRun | undefined;
	readonly drills?: readonly DrillListing[];
	/** What is typed so far; a word acts on Enter. */
	readonly typed?: string;
	/** Keys are taken: the typed line appears only then, so what is typed after it is never dropped. */
	readonly ready?: boolean;
	readonly width: number;
}) {
	const screenReader = useIsScreenReaderEnabled();
	const done = practice ? drills.find(drill => drill.name === practice.name)?.done ?? 0 : 0;
	const enter = practice
		? `another ${practice.challenge ? 'challenge' : 'drill'} (new variation); replay plays seed ${practice.seed} again`
		: (next ? `next lesson (${next.number}${screenReader ? ",": " ·"} ${next.title})` : 'menu');
	const points = lesson.summary.flatMap(point => wrapRows(`${screenReader ? '' : '• '}${point}`, width, screenReader ? '' : '  '));
	return (
		<Box flexDirection="column" width={width}>
			{done > 0 ? <Text>{fit(`${practice!.name} drills done so far: ${done}`, width)}</Text> : undefined}
			<Text bold>{practice ? 'What you practised' : `What you learned in lesson ${lesson.number}`}</Text>
			<Text>{points.join('\n')}</Text>
			<Text> </Text>
			<Text color="cyan">{wrapRows(choicesLine(enter, screenReader, practice !== undefined), width).join('\n')}</Text>
			{ready ? <TypedLine typed={typed} hint={typedHint} width={width}/> : <Text> </Text>}
		</Box>
	);
}
