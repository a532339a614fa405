import {Box, Text} from 'ink';
import type {LessonListing} from '../tutor/tutor-state.ts';
import {fit} from './text-fit.ts';

export function MenuScreen({lessons, selected, width, rows}: {readonly lessons: readonly LessonListing[]; readonly selected: number; readonly width: number; readonly rows: number}) {
	const done = lessons.filter(lesson => lesson.completed).length;
	// Title, blank, blank, footer and a free row: the rest shows lessons, scrolled to the selection.
	const room = Math.max(1, rows - 5);
	const first = Math.min(Math.max(0, selected - room + 1), Math.max(0, lessons.length - room));
	const commandWidth = Math.max(...lessons.map(lesson => lesson.command.length), 4);
	return (
		<Box flexDirection="column">
			<Text bold color="blue">{fit(`git-push-tutor · learn add, commit and push with real git (${done} of ${lessons.length} done)`, width)}</Text>
			<Text> </Text>
			{lessons.slice(first, first + room).map((lesson, offset) => {
				const index = first + offset;
				const line = `${index === selected ? '❯' : ' '} ${String(lesson.number).padStart(2)} ${lesson.completed ? '✓' : ' '} ${lesson.command.padEnd(commandWidth)}  ${lesson.title}`;
				return <Text key={lesson.id} color={index === selected ? 'cyan' : undefined} bold={index === selected}>{fit(line, width)}</Text>;
			})}
			<Text> </Text>
			<Text dimColor>{fit('↑ ↓ choose · Enter start · a number jumps to that lesson · q quit', width)}</Text>
		</Box>
	);
}
