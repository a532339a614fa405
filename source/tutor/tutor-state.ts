// The tutor's whole state and the one reducer that changes it. Pure: effects live in the controller.
import type {Lesson} from '../lessons/lesson-types.ts';
import type {PackDrill} from '../lessons/load-pack.ts';
import {drillCatalog, type DrillName} from '../practice/drill-names.ts';
import type {DrillRun, RunTally} from '../practice/score.ts';
import {emptyPrompt, promptReducer, type PromptAction, type PromptState} from '../ui/prompt-editor.ts';
import {spokenPanel, type SpokenPanel} from '../ui/spoken-panel.ts';
import type {Diagram} from './diagram-model.ts';
import {addPastedLine, emptyPaste, type PasteState} from './paste-mode.ts';

export type LessonListing = {id: string; number: number; title: string; command: string; part?: string | undefined; minutes?: number | undefined; completed: boolean};

/**
 * A practice drill, offered in the menu once its lesson is completed (never when the pack names
 * no lesson for it): how often it was done, and its newest runs (oldest first).
 */
export type DrillListing = {name: DrillName; lesson: string | undefined; title: string; done: number; runs: DrillRun[]};

/** Which drill a played lesson is, the seed that made it, and whether hints are off (a challenge). */
export type PracticeRun = {name: DrillName; seed: number; challenge?: boolean};

/** What one command counts toward a drill's score. */
export type CommandCount = {forced: boolean; lost: boolean; twice: boolean};

export type MenuEntry =
	| {kind: 'lesson'; lesson: LessonListing}
	| {kind: 'drill'; drill: DrillListing};

export type Tone = 'command' | 'output' | 'success' | 'nudge' | 'explain' | 'note' | 'warning' | 'heading' | 'complete' | 'event';
export type PrintLine = {tone: Tone; text: string};
export type TranscriptLine = PrintLine & {id: number};

export type LessonView = {
	lesson: Lesson;
	step: number;
	/** Hints shown for the current step so far. */
	hintsShown: number;
	diagram: Diagram;
	/** Set when the lesson is a generated practice drill. */
	practice?: PracticeRun;
	/** A drill's count so far (kept across resets of the same drill). */
	tally?: RunTally;
};

export type Screen =
	/** `answer`: an explanation just printed above the menu, which the list leaves room for until the next key. */
	| {name: 'menu'; selected: number; answer?: readonly string[]}
	| {name: 'loading'; title: string}
	| {name: 'lesson'}
	| {name: 'complete'};

export type TutorState = {
	screen: Screen;
	/** The pack's name, for the menu's title. */
	packName: string | undefined;
	lessons: LessonListing[];
	/** Every drill, with how many were done; the menu offers those whose lesson (in the pack) is completed. */
	drills: DrillListing[];
	/** The time the menu says "due today" from (ms since the epoch), set by the controller's clock. */
	clock: number;
	view: LessonView | undefined;
	prompt: PromptState;
	/** The command running now, if any. */
	busy: string | undefined;
	/**
	 * The last lines printed (at most `maxTranscriptLines`); the screen shows each line once, above
	 * the live area, and the terminal's scrollback keeps them after that.
	 */
	transcript: TranscriptLine[];
	/** Ctrl+C was pressed once on an empty prompt: a second press quits. */
	quitArmed: boolean;
	/** Progress could not be saved (see the warning printed): quitting must not promise it is. */
	progressMemoryOnly: boolean;
	/** Counts requests to clear the terminal (clear, Ctrl+L); the app clears when it changes. */
	screenClears: number;
	/** What is typed on the menu or the complete screen, where a word acts on Enter. */
	typed: string;
	/** The complete screen is on the terminal: keys typed before it appeared are dropped. */
	completeDrawn: boolean;
	/** --screen-reader: the lesson panel is printed as words when it changes, not redrawn per key. */
	screenReader: boolean;
	/** The panel as last printed in screen-reader mode, so only what changed is printed again. */
	spoken: SpokenPanel | undefined;
	/** After `explain` at the lesson prompt: the lines entered are collected to explain, not run. */
	paste: PasteState | undefined;
};

export type TypedEdit = {type: 'insert'; text: string} | {type: 'backspace'} | {type: 'clear'};

export type TutorAction =
	| {type: 'prompt'; action: PromptAction}
	| {type: 'menuMove'; by: number}
	| {type: 'menuSelect'; index: number}
	| {type: 'lessonLoading'; title: string}
	| {type: 'lessonOpened'; lesson: Lesson; step: number; diagram: Diagram; practice?: PracticeRun; tally?: RunTally}
	| {type: 'commandStarted'; line: string}
	/** `counted`: the line was a command (not a tutor word), with what it did toward a drill's score. */
	| {type: 'commandFinished'; step: number; diagram: Diagram | undefined; complete: boolean; counted?: CommandCount}
	| {type: 'print'; lines: PrintLine[]}
	| {type: 'hintShown'}
	| {type: 'lessonCompleted'; lessonId: string}
	/** `done` and `runs` are the drill's new count and runs, as the progress store saved them. */
	| {type: 'drillCompleted'; name: DrillName; done: number; runs: DrillRun[]; now: number}
	| {type: 'progressLoaded'; completed: readonly string[]; drills?: Readonly<Record<string, number>>; drillRuns?: Readonly<Record<string, DrillRun[]>>; now?: number}
	| {type: 'toMenu'; now?: number}
	| {type: 'quitArmed'; armed: boolean}
	| {type: 'progressMemoryOnly'; memoryOnly: boolean}
	| {type: 'clearScreen'}
	| {type: 'typed'; edit: TypedEdit}
	| {type: 'completeDrawn'}
	/** Lines entered from now on are an error to explain, not commands. */
	| {type: 'pasteStarted'}
	/** `cut`: the prompt cut this line short (it was longer than a line may be). */
	| {type: 'pasteLine'; line: string; cut?: boolean}
	/** Explained or cancelled: lines are commands again. */
	| {type: 'pasteEnded'}
	/** An explanation was printed above the menu. */
	| {type: 'menuAnswered'; lines: readonly string[]};

export type InitialOptions = {
	screenReader?: boolean;
	/** Which drill follows which lesson, from the pack; a drill it does not map is not in the menu. */
	drills?: readonly PackDrill[];
	packName?: string;
};

export function initialState(lessons: readonly Lesson[], {screenReader = false, drills = [], packName}: InitialOptions = {}): TutorState {
	return {
		screen: {name: 'menu', selected: 0},
		packName,
		lessons: lessons.map(({id, number, title, command, part, minutes}) => ({id, number, title, command, part, minutes, completed: false})),
		// Every drill, so "most due" and the counts see them all; in the catalog's order, whatever the pack's.
		drills: drillCatalog.map(({name, title}) => ({name, lesson: drills.find(({drill}) => drill === name)?.lesson, title, done: 0, runs: []})),
		clock: 0,
		view: undefined,
		prompt: emptyPrompt,
		busy: undefined,
		transcript: [],
		quitArmed: false,
		progressMemoryOnly: false,
		screenClears: 0,
		typed: '',
		completeDrawn: false,
		screenReader,
		spoken: undefined,
		paste: undefined,
	};
}

/** In screen-reader mode, prints the parts of the panel that changed (all of it for a new lesson). */
function speakPanel(state: TutorState): TutorState {
	if (!state.screenReader || !state.view || state.screen.name !== 'lesson') {
		return state;
	}

	const panel = spokenPanel(state.view);
	const before = state.spoken;
	const same = (a: readonly string[] | undefined, b: readonly string[]) => a?.join('\n') === b.join('\n');
	const lines = [
		...(same(before?.step, panel.step) ? [] : panel.step),
		...(same(before?.diagram, panel.diagram) ? [] : panel.diagram),
		...(before ? [] : panel.keys),
	];
	return lines.length === 0 ? state : {...print(state, lines.map((text): PrintLine => ({tone: 'output', text}))), spoken: panel};
}

function print(state: TutorState, lines: readonly PrintLine[]): TutorState {
	let nextId = (state.transcript.at(-1)?.id ?? 0) + 1;
	const transcript = [...state.transcript, ...lines.map(line => ({...line, id: nextId++}))];
	// Only the newest lines stay in memory; the terminal's scrollback keeps the rest.
	return {...state, transcript: transcript.length > maxTranscriptLines ? transcript.slice(-maxTranscriptLines) : transcript};
}

function editTyped(typed: string, edit: TypedEdit): string {
	switch (edit.type) {
		case 'insert': {
			// One line only: what is typed here is a word or a number, never long.
			return (typed + edit.text).slice(0, 80);
		}

		case 'backspace': {
			return [...typed].slice(0, -1).join('');
		}

		case 'clear': {
			return '';
		}
	}
}

/** What the menu offers, in order: every lesson, then the drills whose lesson is completed or that were played already. */
export function menuEntries(state: Pick<TutorState, 'lessons' | 'drills'>): MenuEntry[] {
	const completed = new Set(state.lessons.filter(lesson => lesson.completed).map(lesson => lesson.id));
	return [
		...state.lessons.map((lesson): MenuEntry => ({kind: 'lesson', lesson})),
		// A drill the pack maps to a lesson: once that lesson is done, or once the drill was played.
		...state.drills.filter(drill => drill.lesson !== undefined && (completed.has(drill.lesson) || drill.done > 0)).map((drill): MenuEntry => ({kind: 'drill', drill})),
	];
}

/** Long output is cut so one command cannot flood the scrollback. */
export const maxOutputLines = 400;

/** Lines kept in memory once printed: a long session must not grow without end (lines are at most about 2,000 characters). */
export const maxTranscriptLines = 1000;

export function tutorReducer(state: TutorState, action: TutorAction): TutorState {
	switch (action.type) {
		case 'prompt': {
			const prompt = promptReducer(state.prompt, action.action);
			return prompt === state.prompt && !state.quitArmed ? state : {...state, prompt, quitArmed: false};
		}

		case 'menuMove': {
			const count = menuEntries(state).length;
			if (state.screen.name !== 'menu' || count === 0) {
				return state;
			}

			return {...state, screen: {name: 'menu', selected: (state.screen.selected + action.by + count) % count}, quitArmed: false};
		}

		case 'menuSelect': {
			return state.screen.name === 'menu' && action.index >= 0 && action.index < menuEntries(state).length
				? {...state, screen: {name: 'menu', selected: action.index}}
				: state;
		}

		case 'lessonLoading': {
			return {...state, screen: {name: 'loading', title: action.title}, quitArmed: false, typed: ''};
		}

		case 'lessonOpened': {
			return speakPanel({
				...state,
				screen: {name: 'lesson'},
				view: {lesson: action.lesson, step: action.step, hintsShown: 0, diagram: action.diagram, ...(action.practice ? {practice: action.practice} : {}), ...(action.tally ? {tally: action.tally} : {})},
				busy: undefined,
				quitArmed: false,
				typed: '',
				spoken: undefined,
			});
		}

		case 'commandStarted': {
			return {...state, busy: action.line, quitArmed: false};
		}

		case 'commandFinished': {
			if (!state.view) {
				return {...state, busy: undefined};
			}

			const stepChanged = action.step !== state.view.step;
			const {tally} = state.view;
			const counted = action.counted;
			return speakPanel({
				...state,
				busy: undefined,
				screen: action.complete ? {name: 'complete'} : state.screen,
				view: {
					...state.view,
					step: action.step,
					hintsShown: stepChanged ? 0 : state.view.hintsShown,
					diagram: action.diagram ?? state.view.diagram,
					...(tally && counted ? {
						tally: {
							...tally,
							commands: tally.commands + 1,
							forced: tally.forced + Number(counted.forced),
							lost: tally.lost + Number(counted.lost),
							twice: tally.twice + Number(counted.twice),
						},
					} : {}),
				},
				// The complete screen runs no command, so a paste there is not collected.
				...(action.complete ? {typed: '', completeDrawn: false, paste: undefined} : {}),
			});
		}

		case 'print': {
			return print(state, action.lines);
		}

		case 'hintShown': {
			const {view} = state;
			return view ? {...state, view: {...view, hintsShown: view.hintsShown + 1, ...(view.tally ? {tally: {...view.tally, hints: view.tally.hints + 1}} : {})}} : state;
		}

		case 'lessonCompleted': {
			return {...state, lessons: state.lessons.map(lesson => (lesson.id === action.lessonId ? {...lesson, completed: true} : lesson))};
		}

		case 'drillCompleted': {
			return {
				...state,
				drills: state.drills.map(drill => (drill.name === action.name ? {...drill, done: action.done, runs: action.runs} : drill)),
				clock: action.now,
			};
		}

		case 'progressLoaded': {
			const counts = action.drills;
			const runs = action.drillRuns;
			return {
				...state,
				clock: action.now ?? state.clock,
				lessons: state.lessons.map(lesson => ({...lesson, completed: action.completed.includes(lesson.id)})),
				drills: state.drills.map(drill => ({
					...drill,
					...(counts ? {done: Object.hasOwn(counts, drill.name) ? counts[drill.name]! : 0} : {}),
					...(runs ? {runs: Object.hasOwn(runs, drill.name) ? runs[drill.name]! : []} : {}),
				})),
			};
		}

		case 'toMenu': {
			// Select what was open: the lesson, or the drill in the Practice section.
			const practice = state.view?.practice;
			const current = practice
				? menuEntries(state).findIndex(entry => entry.kind === 'drill' && entry.drill.name === practice.name)
				: (state.view ? state.lessons.findIndex(lesson => lesson.id === state.view!.lesson.id) : 0);
			return {...state, clock: action.now ?? state.clock, screen: {name: 'menu', selected: Math.max(0, current)}, view: undefined, busy: undefined, prompt: {...state.prompt, value: '', cursor: 0}, quitArmed: false, typed: '', paste: undefined};
		}

		case 'quitArmed': {
			return state.quitArmed === action.armed ? state : {...state, quitArmed: action.armed};
		}

		case 'progressMemoryOnly': {
			return state.progressMemoryOnly === action.memoryOnly ? state : {...state, progressMemoryOnly: action.memoryOnly};
		}

		case 'clearScreen': {
			return {...state, screenClears: state.screenClears + 1};
		}

		case 'typed': {
			const typed = editTyped(state.typed, action.edit);
			return typed === state.typed ? state : {...state, typed, quitArmed: false};
		}

		case 'completeDrawn': {
			return state.screen.name === 'complete' && !state.completeDrawn ? {...state, completeDrawn: true} : state;
		}

		// Kept across lessonLoading and lessonOpened: a paste typed while `reset` runs is still no command.
		case 'pasteStarted': {
			return {...state, paste: emptyPaste, quitArmed: false, ...(state.screen.name === 'menu' ? {screen: {name: 'menu', selected: state.screen.selected}} : {})};
		}

		case 'pasteLine': {
			return state.paste ? {...state, paste: addPastedLine(state.paste, action.line, action.cut)} : state;
		}

		case 'pasteEnded': {
			return state.paste ? {...state, paste: undefined} : state;
		}

		case 'menuAnswered': {
			return state.screen.name === 'menu' ? {...state, screen: {...state.screen, answer: action.lines}} : state;
		}
	}
}
