import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import {dueLabel} from '../practice/schedule.ts';
import {bestRun} from '../practice/score.ts';
import {pasteWords, type PasteState} from '../tutor/paste-mode.ts';
import {menuEntries, type DrillListing, type LessonListing} from '../tutor/tutor-state.ts';
import type {PromptState} from './prompt-editor.ts';
import {PromptLine} from './prompt-line.tsx';
import {fit} from './text-fit.ts';
import {TypedLine} from './typed-line.tsx';

type MenuRow = {key: string; text: string; entry: number | undefined; heading?: boolean};

/** The menu's marks, and the words a screen reader gets instead. */
const marks = {
	drawn: {selected: '❯', done: '✓', drill: '↻'},
	spoken: {selected: '>', done: 'done', drill: 'drill'},
} as const;

/** What a drill's row says of its runs, first so a narrow window cuts the title instead: when it is due, the last and best score. */
function drillRecord(drill: DrillListing, now: Date): string {
	const last = drill.runs.at(-1);
	const best = bestRun(drill.runs);
	const scores = last && best ? ` · last ${last.score} · best ${best.score}` : (drill.done > 0 ? ` · ${drill.done} done` : '');
	// Done before runs were kept: not new, and with no date to wait from, due now.
	const due = drill.runs.length === 0 && drill.done > 0 ? 'due today' : dueLabel(drill.runs, now);
	return `${due}${scores}`;
}

export function MenuScreen({packName, lessons, drills = [], selected, width, rows, typed = '', now = 0, paste, answer = [], color = true}: {readonly packName?: string | undefined; readonly lessons: readonly LessonListing[]; readonly drills?: readonly DrillListing[]; readonly selected: number; readonly width: number; readonly rows: number; readonly typed?: string; /** The clock that says what is due (ms since the epoch). */ readonly now?: number; /** After `explain`: the paste so far, and the line being entered. */ readonly paste?: {readonly state: PasteState; readonly prompt: PromptState} | undefined; /** An explanation printed just above the menu: the list leaves room for it. */ readonly answer?: readonly string[]; /** False under NO_COLOR: the paste prompt's cursor is drawn as a mark. */ readonly color?: boolean}) {
	const mark = useIsScreenReaderEnabled() ? marks.spoken : marks.drawn;
	const done = lessons.filter(lesson => lesson.completed).length;
	const entries = menuEntries({lessons: [...lessons], drills: [...drills]});
	const commandWidth = Math.max(...entries.map(entry => (entry.kind === 'lesson' ? entry.lesson.command.length : entry.drill.name.length)), 4);
	const titleWidth = Math.max(...lessons.map(lesson => lesson.title.length));
	const marker = (index: number) => (index === selected ? mark.selected : ' ');
	const tick = (completed: boolean) => (completed ? mark.done : ' '.repeat(mark.done.length));
	const menuRows: MenuRow[] = [];
	for (const [index, entry] of entries.entries()) {
		if (entry.kind === 'lesson') {
			const {lesson} = entry;
			const previous = entries[index - 1];
			if (lesson.part && (previous?.kind !== 'lesson' || previous.lesson.part !== lesson.part)) {
				// A part's heading says how long its lessons take together, to plan a class.
				const total = lessons.filter(other => other.part === lesson.part).reduce((sum, other) => sum + (other.minutes ?? 0), 0);
				menuRows.push(
					...(index > 0 ? [{key: `gap:${lesson.part}`, text: ' ', entry: undefined}] : []),
					{key: `part:${lesson.part}`, text: `${lesson.part}${total > 0 ? ` · about ${total} min` : ''}`, entry: undefined, heading: true},
				);
			}

			const time = lesson.minutes ? `  ${String(lesson.minutes).padStart(2)} min` : '';
			menuRows.push({key: lesson.id, entry: index, text: `${marker(index)} ${String(lesson.number).padStart(2)} ${tick(lesson.completed)} ${lesson.command.padEnd(commandWidth)}  ${time ? lesson.title.padEnd(titleWidth) : lesson.title}${time}`});
			continue;
		}

		if (menuRows.at(-1)?.key.startsWith('drill:') !== true) {
			menuRows.push({key: 'practice-gap', text: ' ', entry: undefined}, {key: 'practice', text: 'Practice · a fresh variation every time', entry: undefined, heading: true});
		}

		const {drill} = entry;
		menuRows.push({key: `drill:${drill.name}`, entry: index, text: `${marker(index)}  ${mark.drill} ${tick(drill.done > 0)} ${drill.name.padEnd(commandWidth)}  ${drillRecord(drill, new Date(now))} · ${drill.title}`});
	}

	// Title, blank, blank, footer, typed line and a free row: the rest shows the rows, scrolled to
	// the selection. An answer just printed above keeps its rows in view (a word-wrapped line can
	// take one row more than its length says), leaving the list at least three.
	const answerRows = answer.reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / Math.max(1, width)) + (line.length > width ? 1 : 0)), 0);
	const room = Math.max(Math.min(3, rows - 6), rows - 6 - answerRows, 1);
	const at = Math.max(0, menuRows.findIndex(row => row.entry === selected));
	let first = Math.min(Math.max(0, at - room + 1), Math.max(0, menuRows.length - room));
	// With a drill selected, keep the Practice heading in view when it fits.
	const heading = menuRows.findIndex(row => row.key === 'practice');
	if (heading !== -1 && at > heading && at - heading < room) {
		first = Math.min(first, heading);
	}

	return (
		<Box flexDirection="column">
			<Text bold color="blue">{fit(`git-push-tutor${packName ? ` · ${packName}` : ''} (${done} of ${lessons.length} done)`, width)}</Text>
			<Text> </Text>
			{menuRows.slice(first, first + room).map(row => {
				const chosen = row.entry !== undefined && row.entry === selected;
				return <Text key={row.key} color={chosen ? 'cyan' : (row.heading ? 'blue' : undefined)} bold={chosen || row.heading}>{fit(row.text, width)}</Text>;
			})}
			<Text> </Text>
			<Text dimColor>{fit(paste ? pasteWords.status(paste.state.lines.length) : '↑ ↓ choose · Enter start · or type a number, a name, help or quit, then Enter', width)}</Text>
			{paste ? <PromptLine label={pasteWords.label} prompt={paste.prompt} busy={undefined} width={width} color={color}/> : <TypedLine typed={typed} hint="type here" width={width}/>}
		</Box>
	);
}
