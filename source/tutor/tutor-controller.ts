// The imperative shell around the reducer: turns keys into actions, runs commands in the
// lesson's sandbox, saves progress. Components never call git; they render what this dispatches.
import {findLesson, noSuchLesson} from '../lesson-choice.ts';
import {olderThan} from '../git/version-number.ts';
import {describeError, errorCode} from '../describe-error.ts';
import {explainText} from '../explain/explain-text.ts';
import {explanationLines} from '../explain/explanation-lines.ts';
import type {Lesson} from '../lessons/lesson-types.ts';
import {isDrillName, type DrillName} from '../practice/drill-names.ts';
import {freshSeed, practiceLesson, practiceTitle, referenceCommands} from '../practice/practice-lesson.ts';
import {dueLabel, growsWait, mostDue, scheduleOf} from '../practice/schedule.ts';
import {finishRun, freshTally, isClean, runLines, type DrillRun, type RunTally} from '../practice/score.ts';
import type {ProgressStore} from '../progress/progress-store.ts';
import {explainRequest, whatYouCanType, type TutorWord} from '../shell/run-line.ts';
import {parseKeys, type KeyEvent} from '../ui/keys.ts';
import {maxValueLength, type PromptAction} from '../ui/prompt-editor.ts';
import {diagramLegend} from './diagram-model.ts';
import {LessonSession, type SessionOptions} from './lesson-session.ts';
import {pasteWords} from './paste-mode.ts';
import {promptLabel, reportLines} from './report-lines.ts';
import {completeWordsFor, menuWords, startsAWord, wordAction, type MenuAction, type ScreenWord} from './screen-words.ts';
import type {Store} from './tutor-store.ts';
import {menuEntries, type PracticeRun, type PrintLine, type TutorAction, type TutorState} from './tutor-state.ts';

export type ControllerOptions = {
	store: Store<TutorState, TutorAction>;
	lessons: readonly Lesson[];
	session: SessionOptions;
	progress: ProgressStore;
	/** Ends the app; the caller unmounts Ink. */
	exit(): void;
	/** The clock for drill times and due dates (tests pass their own). */
	now?: () => Date;
	/** The answer to a pasted error, as lines; tests pass their own to see exactly what reached it. */
	explain?: (text: string) => string[];
};

/** How a drill is opened: hints off (a challenge), and the count of the same drill to go on with (after a reset). */
export type DrillStart = {challenge?: boolean; tally?: RunTally};

const editingKeys: Partial<Record<KeyEvent['key'], PromptAction['type']>> = {
	backspace: 'backspace', delete: 'delete', left: 'left', right: 'right', home: 'home', end: 'end',
	wordLeft: 'wordLeft', wordRight: 'wordRight', up: 'historyUp', down: 'historyDown',
	deleteToStart: 'deleteToStart', deleteToEnd: 'deleteToEnd', deleteWordBack: 'deleteWordBack',
};

export class TutorController {
	private session: LessonSession | undefined;
	private running: AbortController | undefined;
	/** Lines run one after another, in the order they were entered (a paste can hold several). */
	private queue: Promise<void> = Promise.resolve();
	private queued = 0;
	private closed = false;
	private legendSaid = false;
	private sessionIsDrill = false;
	/** Seeds of each drill opened in this session, oldest first: a fresh drill avoids their shapes. */
	private readonly openedSeeds = new Map<DrillName, number[]>();
	readonly keptSandboxes: string[] = [];

	constructor(private readonly options: ControllerOptions) {}

	private get state(): TutorState {
		return this.options.store.getState();
	}

	private dispatch(action: TutorAction): void {
		this.options.store.dispatch(action);
	}

	private now(): Date {
		return this.options.now?.() ?? new Date();
	}

	private print(...lines: PrintLine[]): void {
		this.dispatch({type: 'print', lines});
	}

	/** After each load or save: says any warning, and keeps what the tutor says about quitting true. */
	private progressChecked(warning: string | undefined): void {
		this.dispatch({type: 'progressMemoryOnly', memoryOnly: this.options.progress.isMemoryOnly()});
		if (warning) {
			this.print({tone: 'warning', text: warning});
		}
	}

	loadProgress(): void {
		const {progress, warning} = this.options.progress.load();
		this.dispatch({type: 'progressLoaded', completed: Object.keys(progress.completed), drills: progress.drills, drillRuns: progress.drillRuns ?? {}, now: this.now().getTime()});
		this.progressChecked(warning);
	}

	handleInput(chunk: string): void {
		const events = parseKeys(chunk);
		for (const [index, event] of events.entries()) {
			this.handleKey(event, index === events.length - 1);
		}
	}

	/**
	 * Ink calls this as it writes a frame of the current state. Keys that reach the complete screen
	 * before it is on the terminal were typed ahead, during the last command, and must not start
	 * the next lesson. Checked now, for the frame being written. The screen takes keys only after
	 * the event loop has read input once more: keys already waiting when the frame was written
	 * (sent before the learner could see it) are read first, and dropped.
	 */
	frameDrawn(): void {
		if (this.state.screen.name !== 'complete' || this.state.completeDrawn) {
			return;
		}

		// Two turns: the first check phase may come before this turn's input; the second is after the next one's.
		setImmediate(() => {
			setImmediate(() => {
				if (this.state.screen.name === 'complete') {
					this.dispatch({type: 'completeDrawn'});
				}
			});
		});
	}

	/** `endsChunk`: nothing else arrived with this key, so a word pasted alone acts without Enter. */
	handleKey(event: KeyEvent, endsChunk = true): void {
		if (this.closed) {
			return;
		}

		if (event.key === 'interrupt') {
			this.interrupt();
			return;
		}

		switch (this.state.screen.name) {
			case 'menu': {
				this.menuKey(event, endsChunk);
				break;
			}

			case 'complete': {
				if (this.state.completeDrawn) {
					this.completeKey(event, endsChunk);
				}

				break;
			}

			case 'lesson': {
				this.lessonKey(event, endsChunk);
				break;
			}

			case 'loading': {
				break;
			}
		}
	}

	private interrupt(): void {
		// Before stopping a command: the learner pressing Ctrl+C while pasting means the paste.
		if (this.state.paste) {
			this.cancelPaste();
			return;
		}

		if (this.running) {
			this.queued = 0;
			this.running.abort();
			return;
		}

		if (this.state.screen.name === 'lesson' && this.state.prompt.value !== '') {
			this.dispatch({type: 'prompt', action: {type: 'clear'}});
			return;
		}

		if (this.state.quitArmed || this.state.screen.name !== 'lesson') {
			void this.quit();
			return;
		}

		this.dispatch({type: 'quitArmed', armed: true});
	}

	/**
	 * The menu and the complete screen share one rule: what is typed goes into a short line shown on
	 * screen and acts on Enter, so a word is never cut short by its first letter acting alone. Keys
	 * that cannot start typing act at once. Returns the line when Enter submits it.
	 */
	private typedKey(event: KeyEvent): string | undefined {
		switch (event.key) {
			case 'text': {
				this.dispatch({type: 'typed', edit: {type: 'insert', text: event.text}});
				return undefined;
			}

			case 'backspace': {
				this.dispatch({type: 'typed', edit: {type: 'backspace'}});
				return undefined;
			}

			case 'escape':
			case 'deleteToStart': {
				this.dispatch({type: 'typed', edit: {type: 'clear'}});
				return undefined;
			}

			case 'enter': {
				const line = this.state.typed;
				this.dispatch({type: 'typed', edit: {type: 'clear'}});
				return line;
			}

			default: {
				return undefined;
			}
		}
	}

	/** A word pasted on its own (no Enter after it) acts at once, as if Enter had been pressed. */
	private pastedWord(event: KeyEvent, endsChunk: boolean, understood: (text: string) => boolean): string | undefined {
		return event.key === 'text' && endsChunk && this.state.typed === '' && [...event.text].length > 1 && understood(event.text) ? event.text : undefined;
	}

	private menuKey(event: KeyEvent, endsChunk: boolean): void {
		if (this.state.paste) {
			this.pasteKey(event, endsChunk);
			return;
		}

		const {lessons} = this.state;
		const nothingTyped = this.state.typed === '';
		if (event.key === 'up' || event.key === 'down') {
			this.dispatch({type: 'menuMove', by: event.key === 'up' ? -1 : 1});
			return;
		}

		if (event.key === 'endOfInput') {
			void this.quit();
			return;
		}

		// j and k move at once when nothing is typed: moving starts nothing, and (checked, not
		// assumed) no word or lesson name the menu knows begins with them.
		const key = event.key === 'text' ? event.text.toLowerCase() : '';
		if (nothingTyped && (key === 'j' || key === 'k') && !startsAWord(menuWords, key)
			&& !lessons.some(lesson => lesson.id.startsWith(key) || lesson.command.startsWith(key))) {
			this.dispatch({type: 'menuMove', by: key === 'k' ? -1 : 1});
			return;
		}

		const pasted = this.pastedWord(event, endsChunk, text => ![undefined, 'help'].includes(wordAction(menuWords, text)) || findLesson(text, lessons) !== undefined);
		if (pasted !== undefined) {
			this.menuChoice(pasted);
			return;
		}

		const submitted = this.typedKey(event);
		if (submitted !== undefined) {
			this.menuChoice(submitted);
			return;
		}

		// A number opens its lesson as soon as no longer number could follow: "2" at once, "1" waits for "10".
		const typed = this.state.typed.trim();
		if (event.key === 'text' && /^\d+$/.test(typed)) {
			const matching = lessons.filter(lesson => String(lesson.number).startsWith(typed));
			if (matching.length === 1 && String(matching[0]!.number) === typed) {
				this.menuChoice(typed);
			}
		}
	}

	private menuChoice(typed: string): void {
		this.dispatch({type: 'typed', edit: {type: 'clear'}});
		const {screen, lessons} = this.state;
		if (typed.trim() === '') {
			const entry = screen.name === 'menu' ? menuEntries(this.state)[screen.selected] : undefined;
			if (entry?.kind === 'lesson') {
				void this.openLesson(entry.lesson.id);
			} else if (entry?.kind === 'drill') {
				// A fresh variation every time it is chosen.
				void this.openDrill(entry.drill.name);
			}

			return;
		}

		// "explain" with an error after it is no word of the table: the error is read as it is.
		const explain = explainRequest(typed);
		if (explain) {
			void this.explain(typed, explain.text);
			return;
		}

		const action = wordAction(menuWords, typed);
		if (action) {
			this.menuAction(action);
			return;
		}

		const lesson = findLesson(typed, lessons);
		if (lesson) {
			this.dispatch({type: 'menuSelect', index: lessons.indexOf(lesson)});
			void this.openLesson(lesson.id);
			return;
		}

		// A drill by its name, when no lesson has that name (lesson 8's id is recover too).
		const word = typed.trim().toLowerCase();
		if (isDrillName(word)) {
			void this.openDrill(word);
			return;
		}

		this.print({tone: 'note', text: /^git\b/i.test(typed.trim())
			? `"${typed.trim()}" did not run: git commands run inside a lesson. Choose one first: its number or name, then Enter.`
			: noSuchLesson(typed, lessons)});
	}

	private menuAction(action: MenuAction): void {
		switch (action) {
			case 'next': {
				const next = this.state.lessons.find(lesson => !lesson.completed);
				if (next) {
					void this.openLesson(next.id);
				} else {
					this.print({tone: 'note', text: 'Every lesson is done: choose one to play again, or a practice drill.'});
				}

				break;
			}

			case 'practice': {
				void this.openMostDue();
				break;
			}

			case 'challenge': {
				const {screen} = this.state;
				const entry = screen.name === 'menu' ? menuEntries(this.state)[screen.selected] : undefined;
				void (entry?.kind === 'drill' ? this.openDrill(entry.drill.name, undefined, undefined, {challenge: true}) : this.openMostDue({challenge: true}));
				break;
			}

			case 'explain': {
				void this.explain('explain', '');
				break;
			}

			case 'quit': {
				void this.quit();
				break;
			}

			case 'help': {
				this.print(...wordHelp('In the menu, type a lesson\'s number, name or command, or one of these, then Enter:', menuWords));
				break;
			}
		}
	}

	private completeKey(event: KeyEvent, endsChunk: boolean): void {
		if (event.key === 'endOfInput') {
			void this.quit();
			return;
		}

		// help stays on this screen, so a paste of it waits for Enter: the Enter that follows a paste must not start the next lesson.
		const words = completeWordsFor(this.state.view?.practice !== undefined);
		const pasted = this.pastedWord(event, endsChunk, text => ![undefined, 'help'].includes(wordAction(words, text)));
		if (pasted !== undefined) {
			this.completeChoice(pasted);
			return;
		}

		const submitted = this.typedKey(event);
		if (submitted !== undefined) {
			this.completeChoice(submitted);
		}
	}

	private completeChoice(typed: string): void {
		this.dispatch({type: 'typed', edit: {type: 'clear'}});
		const what = this.state.view?.practice ? 'drill' : 'lesson';
		const words = completeWordsFor(what === 'drill');
		const action = typed.trim() === '' ? 'next' : wordAction(words, typed);
		if (!action) {
			// Never run, never swallowed: say why in one line.
			this.print({tone: 'note', text: `"${typed.trim()}" did not run: this ${what} is finished, and git commands run inside a ${what}. Type ${what === 'drill' ? 'next, replay, challenge' : 'next, replay'}, menu or quit.`});
			return;
		}

		const practice = this.state.view?.practice;
		const current = this.state.view?.lesson;
		const next = this.nextLesson();
		switch (action) {
			case 'next': {
				if (practice) {
					void this.openDrill(practice.name, undefined, undefined, {challenge: practice.challenge});
				} else if (next) {
					void this.goStraightOn(next);
				} else {
					void this.toMenu();
				}

				break;
			}

			case 'challenge': {
				if (practice) {
					void this.openDrill(practice.name, undefined, undefined, {challenge: true});
				}

				break;
			}

			case 'replay': {
				if (practice) {
					void this.openDrill(practice.name, practice.seed, undefined, {challenge: practice.challenge});
				} else if (current) {
					void this.openLesson(current.id);
				}

				break;
			}

			case 'menu': {
				void this.toMenu();
				break;
			}

			case 'quit': {
				void this.quit();
				break;
			}

			case 'help': {
				this.print(...wordHelp(`The ${what} is finished. Type one of these, then Enter:`, words));
				break;
			}
		}
	}

	nextLesson(): Lesson | undefined {
		const view = this.state.view;
		// A drill is followed by another drill, not by a lesson.
		const current = view?.practice ? undefined : view?.lesson;
		// The next in the menu's order, which a pack's manifest may set apart from the numbers.
		const lessons = this.options.lessons;
		const index = current ? lessons.findIndex(lesson => lesson.id === current.id) : -1;
		return index === -1 ? undefined : lessons[index + 1];
	}

	private lessonKey(event: KeyEvent, endsChunk: boolean): void {
		if (this.state.paste) {
			this.pasteKey(event, endsChunk);
			return;
		}

		if (event.key === 'text') {
			this.dispatch({type: 'prompt', action: {type: 'insert', text: event.text}});
		} else if (event.key === 'enter') {
			const line = this.state.prompt.value;
			this.dispatch({type: 'prompt', action: {type: 'submit'}});
			this.enqueue(line);
		} else if (event.key === 'clearScreen') {
			this.dispatch({type: 'clearScreen'});
		} else if (event.key === 'endOfInput' && this.state.prompt.value === '') {
			void this.quit();
		} else {
			const action = editingKeys[event.key];
			if (action) {
				this.dispatch({type: 'prompt', action: {type: action} as PromptAction});
			}
		}
	}

	/**
	 * A key while a paste is collected: the prompt edits the line as usual, Enter adds it to the
	 * paste. An empty line ends the paste only when nothing else arrived with it: a pasted error has
	 * blank lines of its own (around git's hints), and ending there would run the rest of the paste,
	 * such as a hint's `git push --set-upstream origin main`, as commands.
	 */
	private pasteKey(event: KeyEvent, endsChunk: boolean): void {
		const line = this.state.prompt.value;
		switch (event.key) {
			case 'text': {
				this.dispatch({type: 'prompt', action: {type: 'insert', text: event.text}});
				break;
			}

			case 'enter': {
				this.dispatch({type: 'prompt', action: {type: 'clear'}});
				if (line === '' && endsChunk) {
					this.endPaste();
				} else {
					this.pasteLine(line);
				}

				break;
			}

			case 'endOfInput': {
				// Ctrl+D ends the paste, as it ends input in a terminal; a line not yet entered is part of it.
				if (line !== '') {
					this.dispatch({type: 'prompt', action: {type: 'clear'}});
					this.pasteLine(line);
				}

				this.endPaste();
				break;
			}

			case 'escape': {
				this.cancelPaste();
				break;
			}

			case 'clearScreen': {
				this.dispatch({type: 'clearScreen'});
				break;
			}

			// git status indents with tabs; the key reader makes a pasted tab a key of its own.
			case 'tab': {
				this.dispatch({type: 'prompt', action: {type: 'insert', text: ' '}});
				break;
			}

			// Earlier commands are not part of an error: ↑ and ↓ do nothing here.
			case 'up':
			case 'down': {
				break;
			}

			default: {
				const action = editingKeys[event.key];
				if (action) {
					this.dispatch({type: 'prompt', action: {type: action} as PromptAction});
				}
			}
		}
	}

	/** Keeps a pasted line, and shows it once the lines before it have run, marked as pasted text. */
	private pasteLine(line: string): void {
		const before = this.state.paste?.lines.length ?? 0;
		// The prompt keeps at most maxValueLength characters: a line that long was cut short.
		this.dispatch({type: 'pasteLine', line, cut: line.length >= maxValueLength});
		if ((this.state.paste?.lines.length ?? 0) > before) {
			void this.later(() => {
				this.print({tone: 'note', text: `${pasteWords.echo}${line}`});
			});
		}
	}

	/** An empty line or Ctrl+D: the paste is explained after the lines entered before it have run. */
	private endPaste(): void {
		const paste = this.state.paste;
		if (!paste) {
			return;
		}

		this.dispatch({type: 'pasteEnded'});
		const text = paste.lines.join('\n');
		void this.later(() => {
			if (text.trim() === '') {
				this.print({tone: 'note', text: pasteWords.empty});
				return;
			}

			this.printExplanation(text, paste.cut);
		});
	}

	private cancelPaste(): void {
		this.dispatch({type: 'pasteEnded'});
		// A half-pasted line left in the prompt would run on the next Enter.
		this.dispatch({type: 'prompt', action: {type: 'clear'}});
		void this.later(() => {
			this.print({tone: 'note', text: pasteWords.cancelled});
		});
	}

	private printExplanation(text: string, cut: boolean): void {
		const explain = this.options.explain ?? (pasted => explanationLines(explainText(pasted)));
		const lines = [...(cut ? [pasteWords.cut] : []), ...explain(text).flatMap(answer => answer.split('\n'))];
		this.print(...lines.map((line, index): PrintLine => ({tone: cut && index === 0 ? 'note' : 'explain', text: line})));
		// The menu fills the window: it makes room for the answer printed above it.
		this.dispatch({type: 'menuAnswered', lines});
	}

	/**
	 * Runs a line after the ones before it; used for typed and pasted lines alike. `explain` is
	 * answered here, as the line is entered, not when its turn comes: the lines pasted after it
	 * are read before then, and must already be collected as text, never run.
	 */
	enqueue(line: string): Promise<void> {
		const explain = explainRequest(line);
		if (explain && this.state.screen.name === 'lesson') {
			return this.explain(line, explain.text);
		}

		return this.later(async () => this.runLine(line));
	}

	/** `explain` entered at the lesson prompt or in the menu: alone, the lines after it are collected; with an error, it is answered. */
	private async explain(line: string, text: string): Promise<void> {
		if (text === '') {
			this.dispatch({type: 'pasteStarted'});
		}

		return this.later(() => {
			// The menu has no shell prompt: the line is shown as typed.
			const label = this.state.screen.name === 'lesson' ? `${promptLabel(this.state.view?.diagram)} ` : '';
			this.print({tone: 'output', text: ''}, {tone: 'command', text: `${label}${line.length > 200 ? `${line.slice(0, 200)}…` : line.trim()}`});
			if (text === '') {
				this.print({tone: 'note', text: pasteWords.start});
			} else {
				this.printExplanation(text, false);
			}
		});
	}

	/** Runs a task after every line entered before it (Ctrl+C while a command runs drops those waiting). */
	private later(task: () => Promise<void> | void): Promise<void> {
		this.queued++;
		this.queue = this.queue.then(async () => {
			if (this.queued === 0 || this.closed) {
				return;
			}

			this.queued--;
			await task();
		}).catch((error: unknown) => {
			this.print({tone: 'warning', text: `Something went wrong: ${(error as Error).message}`});
		});
		return this.queue;
	}

	private async runLine(line: string): Promise<void> {
		const session = this.session;
		if (!session || this.state.screen.name !== 'lesson') {
			return;
		}

		const label = promptLabel(this.state.view?.diagram);
		if (line.trim() === '') {
			this.print({tone: 'command', text: label});
			return;
		}

		// A blank line between commands keeps each command's output apart.
		this.print({tone: 'output', text: ''}, {tone: 'command', text: `${label} ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`});
		this.dispatch({type: 'commandStarted', line});
		this.running = new AbortController();
		try {
			const report = await session.run(line, this.running.signal);
			if (report.result.kind === 'tutor') {
				this.dispatch({type: 'commandFinished', step: session.step, diagram: undefined, complete: false});
				await this.tutorWord(report.result.word, report.result.step === true);
				return;
			}

			const practice = this.state.view?.practice;
			this.print(...reportLines(report, session.lesson, practice ? 'drill' : 'lesson', this.options.session.color, practice?.challenge === true));
			const counted = {forced: report.forced !== undefined, lost: report.lost === true, twice: report.duplicates !== undefined};
			this.dispatch({type: 'commandFinished', step: session.step, diagram: session.diagram(), complete: session.complete, counted});
			if (report.outcome?.kind === 'advance' && session.complete) {
				this.completed(session.lesson);
			}
		} finally {
			this.running = undefined;
		}
	}

	private completed(lesson: Lesson): void {
		const {practice, tally} = this.state.view ?? {};
		if (practice) {
			const now = this.now();
			const run = finishRun(tally ?? freshTally(now.getTime(), practice.challenge === true), practice.seed, referenceCommands(lesson), now);
			const {progress, warning} = this.options.progress.markDrillComplete(practice.name, run);
			const runs = progress.drillRuns?.[practice.name] ?? [run];
			this.dispatch({type: 'drillCompleted', name: practice.name, done: progress.drills[practice.name] ?? 0, runs, now: now.getTime()});
			this.print(
				...runLines(run).map((text): PrintLine => ({tone: isClean(run) ? 'success' : 'warning', text})),
				{tone: 'note', text: dueNote(run, runs, now)},
			);
			this.progressChecked(warning);
			return;
		}

		const {warning} = this.options.progress.markLessonComplete(lesson.id);
		this.dispatch({type: 'lessonCompleted', lessonId: lesson.id});
		this.progressChecked(warning);
	}

	private async tutorWord(word: TutorWord, step = false): Promise<void> {
		const view = this.state.view;
		switch (word) {
			case 'hint': {
				if (view?.practice?.challenge) {
					this.print({tone: 'note', text: 'No hints in a challenge: the step, the diagram and git\'s own words are what you have. (reset starts the drill again; menu leaves it.)'});
					break;
				}

				// From where the learner stands: a lost box or an operation in progress has hints of its own.
				const hints = this.session?.hints() ?? [];
				if (view && hints.length > 0) {
					const index = Math.min(view.hintsShown, hints.length - 1);
					this.print({tone: 'nudge', text: `Hint ${index + 1} of ${hints.length}: ${hints[index]}`});
					// Only a hint not seen yet counts (asking for the last one again shows nothing new).
					if (view.hintsShown < hints.length) {
						this.dispatch({type: 'hintShown'});
					}
				}

				break;
			}

			case 'help': {
				this.print(...helpLines(this.state.progressMemoryOnly));
				break;
			}

			case 'clear': {
				this.dispatch({type: 'clearScreen'});
				break;
			}

			case 'explain': {
				// Never here: enqueue answers an explain line as it is entered (see there why).
				break;
			}

			case 'reset': {
				if (step && view && view.step > 0) {
					// The steps before are replayed with their reference solutions; this step starts afresh.
					const title = view.practice ? view.lesson.title : `Lesson ${view.lesson.number} · ${view.lesson.title}`;
					await this.play(view.lesson, title, title, view.practice, `Step ${view.step + 1} is back as it started, after the reference solution of the steps before it. (reset alone starts the whole ${view.practice ? 'drill' : 'lesson'} again.)`, view.step, view.tally);
				} else if (view?.practice) {
					// Starting over keeps the count: what was forced or lost before still counts.
					await this.openDrill(view.practice.name, view.practice.seed, 'The drill is back as it started.', {challenge: view.practice.challenge, tally: view.tally});
				} else if (view) {
					await this.openLesson(view.lesson.id, 'The lesson is back as it started.', 0);
				}

				break;
			}

			case 'menu': {
				await this.toMenu();
				break;
			}

			case 'quit': {
				await this.quit();
				break;
			}
		}
	}

	/** `atStep`: where to begin; by default the step the learner reached last time, if they left mid-way. */
	async openLesson(id: string, note?: string, atStep?: number): Promise<void> {
		const lesson = this.options.lessons.find(candidate => candidate.id === id);
		if (!lesson) {
			return;
		}

		const reached = atStep ?? this.options.progress.load().progress.reached?.[id] ?? 0;
		const step = reached > 0 && reached < lesson.steps.length ? reached : 0;
		const resumed = step > 0 ? `You reached step ${step + 1} of ${lesson.steps.length} last time, so this goes on there, with the reference solution of the steps before it. Type reset to start the lesson over.` : undefined;
		const gitVersion = this.options.session.gitVersion;
		const needs = lesson.requires?.git;
		const olderGit = needs !== undefined && gitVersion !== undefined && olderThan(gitVersion, needs)
			? `This lesson is written for git ${needs} or newer, and your git is ${gitVersion}: some of what it shows may go differently here.`
			: undefined;
		const notes = [note ?? resumed ?? this.referenceNote(lesson), olderGit].filter(Boolean).join(' ');
		await this.play(lesson, `Lesson ${lesson.number} · ${lesson.title}`, `Lesson ${lesson.number}`, undefined, notes || undefined, step);
	}

	/**
	 * From a completed lesson to the next: the learner's own repository carries on when the next
	 * lesson continues from this one and the repository fits its start; otherwise the reference state.
	 */
	private async goStraightOn(lesson: Lesson): Promise<void> {
		const previous = this.session;
		const heading = `Lesson ${lesson.number} · ${lesson.title}`;
		if (previous) {
			this.dispatch({type: 'lessonLoading', title: heading});
			const carried = await LessonSession.carryOn(previous, lesson, this.options.session).catch(() => undefined);
			if (carried) {
				// The new session owns the sandbox now: the old one is let go without removing it.
				this.session = carried;
				const labels = carried.state.commits.slice(0, 3).map(commit => `"${commit.subject}"`).join(', ');
				this.show(carried, heading, undefined, `Your own repository carries on from lesson ${previous.lesson.number}${labels ? `, with your boxes ${labels}` : ''}.`);
				return;
			}

			const reason = previous.lesson.steps.length > 0 && lesson.setup[0]?.do === 'continueFrom' && lesson.setup[0].lesson === previous.lesson.id
				? `Your repository from lesson ${previous.lesson.number} does not match how lesson ${lesson.number} begins, so it starts from the reference boxes.`
				: undefined;
			await this.openLesson(lesson.id, reason);
			return;
		}

		await this.openLesson(lesson.id);
	}

	/** Said when a lesson that continues another's story is built from that lesson's reference solution. */
	private referenceNote(lesson: Lesson): string | undefined {
		const first = lesson.setup[0];
		const earlier = first?.do === 'continueFrom' ? this.options.lessons.find(candidate => candidate.id === first.lesson) : undefined;
		return earlier ? `This lesson starts where lesson ${earlier.number} ends, with the boxes of its reference solution.` : undefined;
	}

	/** The drill most due among those the menu offers (among all when it offers none yet), as a fresh variation. */
	async openMostDue(start: DrillStart = {}): Promise<void> {
		const {drills} = this.state;
		// Among the drills the menu offers (when it offers none yet, among them all).
		const open = menuEntries(this.state).flatMap(entry => (entry.kind === 'drill' ? [entry.drill.name] : []));
		const name = mostDue(drill => drills.find(listing => listing.name === drill)?.runs ?? [], this.now(), open);
		await this.openDrill(name, undefined, `The ${name} drill is the one most due.`, start);
	}

	/**
	 * Starts a practice drill: a lesson generated from the seed; without one, a random seed whose
	 * shape is not one of those played last (saved runs, and drills opened in this session).
	 */
	async openDrill(name: DrillName, seed?: number, note?: string, start: DrillStart = {}): Promise<void> {
		if (seed === undefined) {
			const saved = this.state.drills.find(drill => drill.name === name)?.runs.map(run => run.seed) ?? [];
			const opened = this.openedSeeds.get(name) ?? [];
			seed = freshSeed(name, [...saved.filter(earlier => !opened.includes(earlier)), ...opened]);
		}

		this.openedSeeds.set(name, [...(this.openedSeeds.get(name) ?? []).filter(earlier => earlier !== seed), seed]);
		const title = `${practiceTitle(name, seed)}${start.challenge ? ' · challenge' : ''}`;
		let lesson: Lesson;
		try {
			lesson = practiceLesson(name, seed, {challenge: start.challenge});
		} catch (error) {
			this.print({tone: 'warning', text: `${title} could not be made: ${(error as Error).message}`});
			await this.toMenu();
			return;
		}

		const challengeNote = start.challenge && !start.tally ? 'A challenge: no hints. The step says where you stand and what to reach.' : undefined;
		await this.play(lesson, title, title, {name, seed, ...(start.challenge ? {challenge: true} : {})}, [note, challengeNote].filter(Boolean).join(' ') || undefined, 0, start.tally);
	}

	private async play(lesson: Lesson, heading: string, shortName: string, practice: PracticeRun | undefined, note?: string, atStep = 0, tally?: RunTally): Promise<void> {
		this.dispatch({type: 'lessonLoading', title: heading});
		await this.closeSession();
		try {
			const later = atStep > 0 ? await LessonSession.startAt(lesson, atStep, this.options.session) : undefined;
			this.session = later ?? await LessonSession.start(lesson, this.options.session);
			this.sessionIsDrill = practice !== undefined;
		} catch (error) {
			// A file error's own message names the temp path; its reason in words is what helps.
			const reason = errorCode(error) === undefined ? (error as Error).message : `${describeError(error)}`;
			this.print({tone: 'warning', text: `${shortName} could not be prepared: ${reason}`});
			this.dispatch({type: 'toMenu'});
			return;
		}

		this.show(this.session, heading, practice, note, practice && (tally ?? freshTally(this.now().getTime(), practice.challenge === true)));
	}

	private show(session: LessonSession, heading: string, practice: PracticeRun | undefined, note: string | undefined, tally?: RunTally): void {
		this.print(
			{tone: 'heading', text: heading},
			...session.lesson.intro.split('\n').map((text): PrintLine => ({tone: 'output', text})),
			...(note ? [{tone: 'note', text: note} satisfies PrintLine] : []),
			...session.openingAnnouncements.map((text): PrintLine => ({tone: 'event', text: `⚑ ${text}`})),
			// The marks are explained once, before the diagram first appears; a screen reader hears words instead.
			...(this.legendSaid || this.state.screenReader ? [] : [{tone: 'note', text: diagramLegend} satisfies PrintLine]),
		);
		this.legendSaid = true;
		this.dispatch({type: 'lessonOpened', lesson: session.lesson, step: session.step, diagram: session.diagram(), ...(practice ? {practice} : {}), ...(tally ? {tally} : {})});
	}

	async toMenu(): Promise<void> {
		// The menu first, so keys typed while the sandbox is removed reach the menu, not the old screen.
		this.dispatch({type: 'toMenu', now: this.now().getTime()});
		await this.closeSession();
	}

	private async closeSession(): Promise<void> {
		const session = this.session;
		this.session = undefined;
		this.running?.abort();
		if (session) {
			// A lesson left mid-way goes on from its step next time; a drill is a fresh variation anyway.
			if (!this.sessionIsDrill && !session.complete) {
				this.options.progress.rememberStep(session.lesson.id, session.step);
			}

			if (this.options.session.keep) {
				this.keptSandboxes.push(session.sandbox.root);
			}

			const problem = await session.dispose();
			if (problem) {
				this.print({tone: 'warning', text: problem});
			}
		}
	}

	/** Removes the sandbox (unless --keep) and ends the app. Safe to call more than once. */
	async quit(): Promise<void> {
		if (this.closed) {
			return;
		}

		this.closed = true;
		this.queued = 0;
		await this.closeSession();
		this.options.exit();
	}
}

/** What a finished run did to the drill's schedule, in one line. */
function dueNote(run: DrillRun, runs: readonly DrillRun[], now: Date): string {
	const due = dueLabel(runs, now);
	if (!isClean(run)) {
		return `Not a clean run, so this drill is ${due}: practise it again soon.`;
	}

	if (!growsWait(run)) {
		return `A clean run, with hints: this drill is ${due}. Without hints, the wait grows (1, 3, 7, then 14 days).`;
	}

	const grew = (scheduleOf(runs)?.streak ?? 0) > (scheduleOf(runs.slice(0, -1))?.streak ?? 0);
	return grew
		? `A clean run without hints: this drill is ${due} (each such run in a row, on its due day, waits longer).`
		: `A clean run without hints, before the drill was due: it stays ${due}.`;
}

function wordHelp(intro: string, table: ReadonlyArray<ScreenWord<string>>): PrintLine[] {
	return [
		{tone: 'heading', text: intro},
		...table.map((entry): PrintLine => ({tone: 'output', text: `  ${entry.words.join(', ').padEnd(20)} ${entry.says}`})),
	];
}

function helpLines(memoryOnly: boolean): PrintLine[] {
	return [
		{tone: 'heading', text: 'What you can type'},
		{tone: 'output', text: whatYouCanType},
		{tone: 'output', text: '  git ...            real git, in a practice repository (your own repositories are never touched)'},
		{tone: 'output', text: '  echo TEXT > FILE   write a file (>> adds a line)     cat FILE   show a file'},
		{tone: 'output', text: '  ls  touch FILE  rm FILE  mv FILE NEW-NAME  pwd'},
		{tone: 'output', text: '  hint   the next hint (the last one is the command)'},
		{tone: 'output', text: '  explain  paste a git error from anywhere, then an empty line: what it means and the way out (explain ERROR on one line works too)'},
		{tone: 'output', text: `  reset  start this lesson again (reset step: only this step)      menu   all lessons`},
		{tone: 'output', text: `  quit   leave (${memoryOnly ? 'progress could not be saved' : 'progress is saved, and a lesson left mid-way goes on from its step'})`},
		{tone: 'output', text: 'Keys: ↑ ↓ earlier commands · Ctrl+C stops a running command or clears the line · Ctrl+L clears the screen'},
	];
}
