// The menu of a pack: its title names the pack, and a drill is offered after the lesson the
// pack's manifest names, never after a lesson the pack does not map.
import test from 'ava';
import {createElement} from 'react';
import {render} from 'ink-testing-library';
import type {Diagram} from '../source/tutor/diagram-model.ts';
import {drillNames} from '../source/practice/drill-names.ts';
import {initialState, menuEntries, tutorReducer} from '../source/tutor/tutor-state.ts';
import {MenuScreen} from '../source/ui/menu-screen.tsx';
import {stripAnsi} from './helpers/frames.ts';
import {shippedLessons} from './helpers/lessons.ts';
import {wiredTutor} from './helpers/wired-tutor.ts';

const lessons = shippedLessons();
const ids = lessons.map(lesson => lesson.id);
const drillsIn = (state: ReturnType<typeof initialState>) => menuEntries(state).flatMap(entry => (entry.kind === 'drill' ? [`${entry.drill.name}>${entry.drill.lesson}`] : []));

test('the menu offers a drill after the lesson the pack maps it to, and only then', t => {
	const [first, second] = ids;
	const state = initialState(lessons, {drills: [{drill: 'conflict', lesson: second!}, {drill: 'recover', lesson: first!}]});
	t.deepEqual(drillsIn(state), []);
	const afterFirst = tutorReducer(state, {type: 'progressLoaded', completed: [first!]});
	t.deepEqual(drillsIn(afterFirst), [`recover>${first!}`]);
	const afterBoth = tutorReducer(state, {type: 'progressLoaded', completed: [first!, second!]});
	t.deepEqual(drillsIn(afterBoth), [`conflict>${second!}`, `recover>${first!}`], 'in the catalog\'s order, not the manifest\'s');
});

test('a pack that maps no drill offers none, however many lessons are done', t => {
	const state = tutorReducer(initialState(lessons), {type: 'progressLoaded', completed: ids});
	t.deepEqual(drillsIn(state), []);
	t.is(menuEntries(state).length, lessons.length);
	// Still listed, unoffered: --practice and "most due" see every drill's runs and counts.
	t.deepEqual(state.drills.map(drill => drill.name).sort(), [...drillNames].sort());
	t.true(state.drills.every(drill => drill.lesson === undefined));
});

test('the menu title names the pack and counts its lessons done', t => {
	const state = tutorReducer(initialState(lessons, {packName: 'Team workflow'}), {type: 'progressLoaded', completed: ids.slice(0, 1)});
	const {lastFrame, unmount} = render(createElement(MenuScreen, {packName: state.packName, lessons: state.lessons, drills: state.drills, selected: 0, width: 100, rows: 40}));
	const frame = stripAnsi(lastFrame() ?? '');
	unmount();
	t.true(frame.split('\n')[0]!.startsWith(`git-push-tutor · Team workflow (1 of ${lessons.length} done)`), frame);
});

test('the next lesson is the next in the menu, which a manifest may order apart from the numbers', t => {
	const reordered = [lessons[2]!, lessons[0]!, lessons[1]!];
	const {store, controller} = wiredTutor(reordered);
	const diagram: Diagram = {branch: 'main', desk: [], openBox: [], waiting: [], warehouse: [], route: {kind: 'none'}, operation: undefined};
	store.dispatch({type: 'lessonOpened', lesson: reordered[0]!, step: 0, diagram});
	t.is(controller.nextLesson()?.id, reordered[1]!.id);
	store.dispatch({type: 'lessonOpened', lesson: reordered[2]!, step: 0, diagram});
	t.is(controller.nextLesson(), undefined, 'the last in the menu has none');
});
