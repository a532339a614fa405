import {Box, Text} from 'ink';
import {menuEntries, type DrillListing, type LessonListing} from '../tutor/tutor-state.ts';
import {fit} from './text-fit.ts';

type MenuRow = {key: string; text: string; entry: number | undefined; heading?: boolean};

export function MenuScreen({lessons, drills = [], selected, width, rows}: {readonly lessons: readonly LessonListing[]; readonly drills?: readonly DrillListing[]; readonly selected: number; readonly width: number; readonly rows: number}) {
	const done = lessons.filter(lesson => lesson.completed).length;
	const entries = menuEntries({lessons: [...lessons], drills: [...drills]});
	const commandWidth = Math.max(...entries.map(entry => (entry.kind === 'lesson' ? entry.lesson.command.length : entry.drill.name.length)), 4);
	const marker = (index: number) => (index === selected ? '❯' : ' ');
	const menuRows: MenuRow[] = [];
	for (const [index, entry] of entries.entries()) {
		if (entry.kind === 'lesson') {
			const {lesson} = entry;
			menuRows.push({key: lesson.id, entry: index, text: `${marker(index)} ${String(lesson.number).padStart(2)} ${lesson.completed ? '✓' : ' '} ${lesson.command.padEnd(commandWidth)}  ${lesson.title}`});
			continue;
		}

		if (menuRows.at(-1)?.key.startsWith('drill:') !== true) {
			menuRows.push({key: 'practice-gap', text: ' ', entry: undefined}, {key: 'practice', text: 'Practice · a fresh variation every time', entry: undefined, heading: true});
		}

		const {drill} = entry;
		const count = drill.done > 0 ? ` · ${drill.done} done` : '';
		menuRows.push({key: `drill:${drill.name}`, entry: index, text: `${marker(index)}  ↻ ${drill.done > 0 ? '✓' : ' '} ${drill.name.padEnd(commandWidth)}  ${drill.title}${count}`});
	}

	// Title, blank, blank, footer and a free row: the rest shows the rows, scrolled to the selection.
	const room = Math.max(1, rows - 5);
	const at = Math.max(0, menuRows.findIndex(row => row.entry === selected));
	let first = Math.min(Math.max(0, at - room + 1), Math.max(0, menuRows.length - room));
	// With a drill selected, keep the Practice heading in view when it fits.
	const heading = menuRows.findIndex(row => row.heading);
	if (heading !== -1 && at > heading && at - heading < room) {
		first = Math.min(first, heading);
	}

	return (
		<Box flexDirection="column">
			<Text bold color="blue">{fit(`git-push-tutor · learn add, commit and push with real git (${done} of ${lessons.length} done)`, width)}</Text>
			<Text> </Text>
			{menuRows.slice(first, first + room).map(row => {
				const chosen = row.entry !== undefined && row.entry === selected;
				return <Text key={row.key} color={chosen ? 'cyan' : (row.heading ? 'blue' : undefined)} bold={chosen || row.heading}>{fit(row.text, width)}</Text>;
			})}
			<Text> </Text>
			<Text dimColor>{fit('↑ ↓ choose · Enter start · a number jumps to that lesson · q quit', width)}</Text>
		</Box>
	);
}
