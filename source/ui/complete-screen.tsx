import {Box, Text} from 'ink';
import type {Lesson} from '../lessons/lesson-types.ts';
import {fit} from './text-fit.ts';

export function CompleteScreen({lesson, next, width}: {readonly lesson: Lesson; readonly next: Lesson | undefined; readonly width: number}) {
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
