import {Box, Text} from 'ink';
import type {Lesson} from '../lessons/lesson-types.ts';
import type {DrillListing, PracticeRun} from '../tutor/tutor-state.ts';
import {fit} from './text-fit.ts';

export function CompleteScreen({lesson, next, practice, drills = [], width}: {
	readonly lesson: Lesson;
	readonly next: Lesson | undefined;
	/** Set when the finished lesson was a practice drill. */
	readonly practice?: PracticeRun | undefined;
	readonly drills?: readonly DrillListing[];
	readonly width: number;
}) {
	if (practice) {
		const done = drills.find(drill => drill.name === practice.name)?.done ?? 0;
		const drillChoices = ['Enter: another drill (new variation)', `r: replay this one (seed ${practice.seed})`, 'm: menu', 'q: quit'];
		return (
			<Box flexDirection="column" width={width}>
				<Text bold color="green">{fit(`★ Drill complete · ${lesson.title}`, width)}</Text>
				{done > 0 ? <Text>{fit(`${practice.name} drills done so far: ${done}`, width)}</Text> : undefined}
				<Text bold>What you practised</Text>
				{lesson.summary.map(point => <Text key={point}>• {point}</Text>)}
				<Text> </Text>
				<Text color="cyan">{drillChoices.join(' · ')}</Text>
			</Box>
		);
	}

	const choices = [next ? `Enter: next lesson (${next.number} · ${next.title})` : 'Enter: menu', 'r: replay', 'm: menu', 'q: quit'];
	return (
		<Box flexDirection="column" width={width}>
			<Text bold color="green">{fit(`★ Lesson complete · Lesson ${lesson.number} · ${lesson.title}`, width)}</Text>
			<Text bold>What you learned</Text>
			{lesson.summary.map(point => <Text key={point}>• {point}</Text>)}
			<Text> </Text>
			<Text color="cyan">{choices.join(' · ')}</Text>
		</Box>
	);
}
