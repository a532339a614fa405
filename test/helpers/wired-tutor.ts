// The tutor wired as the CLI wires it (store, controller, real lesson sessions), with progress
// kept in memory, for tests that render the whole App.
import {createProgressStore} from '../../source/progress/progress-store.ts';
import type {Lesson} from '../../source/lessons/lesson-types.ts';
import {TutorController} from '../../source/tutor/tutor-controller.ts';
import {createStore} from '../../source/tutor/tutor-store.ts';
import {initialState, tutorReducer} from '../../source/tutor/tutor-state.ts';
import {sessionOptions, shippedPack} from './lessons.ts';
import {memoryProgressFs} from './memory-progress-fs.ts';

export const progressFile = '/home/learner/.config/git-push-tutor/progress.json';

/** `onExit` is called where the CLI would end the app. */
/** `explain`: the tutor's answer to a pasted error, in place of the recogniser's. */
export function wiredTutor(lessons: readonly Lesson[], savedProgress?: unknown, {onExit, screenReader, now, explain}: {onExit?: () => void; screenReader?: boolean; now?: () => Date; explain?: (text: string) => string[]} = {}) {
	const {memory, fs} = memoryProgressFs(savedProgress === undefined ? {} : {[progressFile]: JSON.stringify(savedProgress)});
	// The built-in pack's drills: one whose lesson is not among `lessons` is simply never offered.
	const store = createStore(tutorReducer, initialState(lessons, {screenReader, drills: shippedPack().drills}));
	const controller = new TutorController({
		store,
		lessons,
		session: sessionOptions(lessons),
		progress: createProgressStore({file: progressFile, fs}),
		exit() {
			// The test unmounts the app itself.
			onExit?.();
		},
		...(now ? {now} : {}),
		...(explain ? {explain} : {}),
	});
	controller.loadProgress();
	return {memory, store, controller};
}
