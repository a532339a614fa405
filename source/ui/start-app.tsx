// Starts the Ink app. Loaded only once the command line is understood and a terminal is present.
import {render} from 'ink';
import type {LoadedPack} from '../lessons/load-pack.ts';
import type {DrillName} from '../practice/drill-names.ts';
import type {ProgressStore} from '../progress/progress-store.ts';
import type {SessionOptions} from '../tutor/lesson-session.ts';
import {TutorController} from '../tutor/tutor-controller.ts';
import {createStore} from '../tutor/tutor-store.ts';
import {initialState, tutorReducer, type PrintLine} from '../tutor/tutor-state.ts';
import {App} from './app.tsx';

export type StartOptions = {
	/** The pack played: its lessons, its drills, its name for the menu. */
	pack: Pick<LoadedPack, 'name' | 'lessons' | 'drills'>;
	session: SessionOptions;
	progress: ProgressStore;
	/** Lesson to open at once (--lesson). */
	lesson: string | undefined;
	/** Drill to start at once (--practice; the one most due without a name), with its seed (--seed; random without) and --challenge. */
	practice?: {name: DrillName | 'most-due'; seed: number | undefined; challenge: boolean} | undefined;
	/** Problems found while loading lessons, shown above the menu. */
	warnings: readonly string[];
	screenReader: boolean;
};

export type StartedApp = {
	controller: TutorController;
	/** Resolves when the app has exited. */
	finished: Promise<void>;
};

export function startApp(options: StartOptions): StartedApp {
	const {pack} = options;
	const store = createStore(tutorReducer, initialState(pack.lessons, {screenReader: options.screenReader, drills: pack.drills, packName: pack.name}));
	let instance: ReturnType<typeof render> | undefined;
	const controller = new TutorController({
		store,
		lessons: pack.lessons,
		session: options.session,
		progress: options.progress,
		exit() {
			instance?.unmount();
		},
	});
	store.dispatch({type: 'print', lines: options.warnings.map((text): PrintLine => ({tone: 'warning', text}))});
	controller.loadProgress();
	if (options.lesson) {
		// Before render: the first frame then says "Preparing…" instead of flashing the menu.
		void controller.openLesson(options.lesson);
	} else if (options.practice) {
		const {name, seed, challenge} = options.practice;
		void (name === 'most-due' ? controller.openMostDue({challenge}) : controller.openDrill(name, seed, undefined, {challenge}));
	}

	instance = render(<App store={store} controller={controller} color={options.session.color}/>, {
		exitOnCtrlC: false,
		patchConsole: false,
		isScreenReaderEnabled: options.screenReader || undefined,
		// Called as each frame is written: the complete screen takes keys once it is on the terminal.
		onRender() {
			controller.frameDrawn();
		},
	});

	return {controller, finished: instance.waitUntilExit().then(() => undefined)};
}
