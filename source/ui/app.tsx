// The root component: renders the state, and forwards raw input to the controller from one place.
import {useEffect, useRef, useSyncExternalStore} from 'react';
import {Text, useIsScreenReaderEnabled, useStdin, useStdout} from 'ink';
import type {Store} from '../tutor/tutor-store.ts';
import type {TutorAction, TutorState} from '../tutor/tutor-state.ts';
import type {TutorController} from '../tutor/tutor-controller.ts';
import {TranscriptStatic} from './transcript-static.tsx';
import {MenuScreen} from './menu-screen.tsx';
import {LessonScreen} from './lesson-screen.tsx';
import {CompleteScreen} from './complete-screen.tsx';
import {useTerminalSize} from './use-terminal-size.ts';

export type AppProps = {
	store: Store<TutorState, TutorAction>;
	controller: TutorController;
	/** False under NO_COLOR. */
	color?: boolean;
};

export function App({store, controller, color = true}: AppProps) {
	const state = useSyncExternalStore(store.subscribe, store.getState);
	const screenReader = useIsScreenReaderEnabled();
	const size = useTerminalSize();
	const {internal_eventEmitter: input, setRawMode} = useStdin();
	useEffect(() => {
		setRawMode(true);
		const forward = (data: string) => {
			controller.handleInput(data);
		};

		input.on('input', forward);
		return () => {
			input.off('input', forward);
			setRawMode(false);
		};
	}, [controller, input, setRawMode]);

	const {write} = useStdout();
	useEffect(() => {
		if (state.screenClears > 0) {
			// Ink's write clears the live area, writes, and draws the live area again below.
			write('\u001B[2J\u001B[3J\u001B[H');
		}
	}, [state.screenClears, write]);
	const widest = useRef(size.columns);
	useEffect(() => {
		// A narrower terminal re-wraps the old frame into more rows than Ink erases; start clean.
		// Scrolling the screen up (rather than erasing it) keeps the transcript in the scrollback.
		if (size.columns < widest.current) {
			write(`\u001B[999B${'\n'.repeat(size.rows)}\u001B[H`);
		}

		widest.current = size.columns;
	}, [size.columns, write]);

	const width = Math.max(1, size.columns - 1);
	let screen;
	switch (state.screen.name) {
		case 'menu': {
			screen = <MenuScreen packName={state.packName} lessons={state.lessons} drills={state.drills} selected={state.screen.selected} width={width} rows={size.rows} typed={state.typed} now={state.clock} paste={state.paste ? {state: state.paste, prompt: state.prompt} : undefined} answer={state.screen.answer} color={color}/>;
			break;
		}

		case 'loading': {
			// A screen reader would read the title twice: here, and in the heading printed next.
			screen = <Text dimColor>{screenReader ? 'Preparing…' : `Preparing ${state.screen.title}…`}</Text>;
			break;
		}

		case 'lesson': {
			screen = state.view ? <LessonScreen state={state} view={state.view} size={size} color={color}/> : undefined;
			break;
		}

		case 'complete': {
			screen = state.view ? <CompleteScreen lesson={state.view.lesson} next={controller.nextLesson()} practice={state.view.practice} drills={state.drills} typed={state.typed} ready={state.completeDrawn} width={width}/> : undefined;
			break;
		}
	}

	return (
		<>
			<TranscriptStatic lines={state.transcript} width={width}/>
			{screen}
		</>
	);
}
