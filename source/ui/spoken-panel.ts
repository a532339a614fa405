// The lesson panel for a screen reader: printed as lines into the transcript when it changes,
// instead of a live area that Ink would erase and rewrite (and the reader re-read) on every key.
import type {LessonView} from '../tutor/tutor-state.ts';
import {diagramSentences} from './diagram-text.ts';

export type SpokenPanel = {
	/** The step: "Step 2 of 3: title." and its text. The lesson's heading is printed once, above. */
	step: string[];
	diagram: string[];
	/** What can be typed; said once, when the lesson opens. */
	keys: string[];
};

export const lessonKeysSentence = 'Type git commands here, or: hint, reset, menu, help, quit.';

const sentence = (text: string) => (/[.?!:]$/.test(text) ? text : `${text}.`);

export function spokenPanel(view: LessonView): SpokenPanel {
	const {lesson, step, diagram} = view;
	const current = lesson.steps[Math.min(step, lesson.steps.length - 1)]!;
	return {
		step: [`Step ${Math.min(step + 1, lesson.steps.length)} of ${lesson.steps.length}: ${sentence(current.title)}`, ...current.text.split('\n')],
		diagram: diagramSentences(diagram),
		keys: [lessonKeysSentence],
	};
}
