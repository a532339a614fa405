import test from 'ava';
import type {RepoState} from '../source/git/repo-state.ts';
import type {GitResult} from '../source/git/git-runner.ts';
import {readGitArguments} from '../source/git/git-arguments.ts';
import {explanations} from '../source/explain/explanations.ts';
import type {LineResult} from '../source/shell/run-line.ts';
import type {StepOutcome} from '../source/lessons/engine.ts';
import {githubUrl} from '../source/sandbox/sandbox-config.ts';
import {diagramOf, type Diagram} from '../source/tutor/diagram-model.ts';
import type {CommandReport} from '../source/tutor/lesson-session.ts';
import {situationOf} from '../source/lessons/situations.ts';
import {outputLines, promptLabel, reportLines} from '../source/tutor/report-lines.ts';
import {initialState, maxOutputLines, tutorReducer, type TutorAction, type TutorState} from '../source/tutor/tutor-state.ts';
import {shippedLessons} from './helpers/lessons.ts';

const lessons = shippedLessons();
const remoteLesson = lessons.find(lesson => lesson.id === 'remote')!;

const emptyDiagram: Diagram = {branch: 'main', desk: [], openBox: [], waiting: [], warehouse: [], route: {kind: 'none'}, operation: undefined};

function reduce(state: TutorState, ...actions: TutorAction[]): TutorState {
	let current = state;
	for (const action of actions) {
		current = tutorReducer(current, action);
	}

	return current;
}

function inLesson(step = 0): TutorState {
	return reduce(initialState(lessons), {type: 'lessonOpened', lesson: remoteLesson, step, diagram: emptyDiagram});
}

// ---- The reducer ----

test('the initial state is the menu with every lesson listed, none completed', t => {
	const state = initialState(lessons);
	t.deepEqual(state.screen, {name: 'menu', selected: 0});
	t.deepEqual(state.lessons.map(lesson => lesson.id), ['add', 'commit', 'remote', 'push', 'pull-first', 'conflict', 'force', 'recover', 'undo', 'more', 'first-push', 'ignore', 'stash', 'sign-in', 'finish-branch']);
	t.true(state.lessons.every(lesson => !lesson.completed));
	t.is(state.view, undefined);
	t.deepEqual(state.transcript, []);
	t.false(state.quitArmed);
});

test('menuMove wraps around both ends', t => {
	const start = initialState(lessons);
	const lastIndex = lessons.length - 1;
	t.deepEqual(reduce(start, {type: 'menuMove', by: -1}).screen, {name: 'menu', selected: lastIndex});
	t.deepEqual(reduce(start, {type: 'menuMove', by: 1}).screen, {name: 'menu', selected: 1});
	const last = reduce(start, {type: 'menuSelect', index: lastIndex});
	t.deepEqual(reduce(last, {type: 'menuMove', by: 1}).screen, {name: 'menu', selected: 0});
	const allTheWay = lessons.map((): TutorAction => ({type: 'menuMove', by: 1}));
	t.deepEqual(reduce(start, ...allTheWay).screen, {name: 'menu', selected: 0});
});

test('menuMove does nothing outside the menu or with no lessons', t => {
	const lesson = inLesson();
	t.is(reduce(lesson, {type: 'menuMove', by: 1}), lesson);
	const empty = initialState([]);
	t.is(reduce(empty, {type: 'menuMove', by: 1}), empty);
});

test('menuSelect ignores an index out of range', t => {
	const start = initialState(lessons);
	t.is(reduce(start, {type: 'menuSelect', index: lessons.length}), start);
	t.is(reduce(start, {type: 'menuSelect', index: -1}), start);
	t.deepEqual(reduce(start, {type: 'menuSelect', index: 2}).screen, {name: 'menu', selected: 2});
});

test('lessonLoading shows the loading screen with the title', t => {
	const state = reduce(initialState(lessons), {type: 'lessonLoading', title: 'Lesson 3 · No destination yet'});
	t.deepEqual(state.screen, {name: 'loading', title: 'Lesson 3 · No destination yet'});
});

test('lessonOpened shows the lesson at its step and resets hints and busy', t => {
	const used = reduce(inLesson(1), {type: 'hintShown'}, {type: 'hintShown'}, {type: 'commandStarted', line: 'git push'});
	t.is(used.view?.hintsShown, 2);
	t.is(used.busy, 'git push');
	const reopened = reduce(used, {type: 'lessonOpened', lesson: remoteLesson, step: 0, diagram: emptyDiagram});
	t.deepEqual(reopened.screen, {name: 'lesson'});
	t.is(reopened.view?.step, 0);
	t.is(reopened.view?.hintsShown, 0);
	t.is(reopened.view?.lesson, remoteLesson);
	t.is(reopened.busy, undefined);
});

test('commandStarted marks the line busy; commandFinished clears it', t => {
	const started = reduce(inLesson(), {type: 'commandStarted', line: 'git push'});
	t.is(started.busy, 'git push');
	const finished = reduce(started, {type: 'commandFinished', step: 0, diagram: undefined, complete: false});
	t.is(finished.busy, undefined);
	t.deepEqual(finished.screen, {name: 'lesson'});
});

test('commandFinished on a new step resets hintsShown; on the same step it keeps them', t => {
	const hinted = reduce(inLesson(), {type: 'hintShown'});
	const same = reduce(hinted, {type: 'commandFinished', step: 0, diagram: undefined, complete: false});
	t.is(same.view?.hintsShown, 1);
	const next = reduce(hinted, {type: 'commandFinished', step: 1, diagram: undefined, complete: false});
	t.is(next.view?.step, 1);
	t.is(next.view?.hintsShown, 0);
});

test('commandFinished replaces the diagram only when it brings one', t => {
	const diagram: Diagram = {...emptyDiagram, desk: ['notes.txt (new)']};
	const kept = reduce(inLesson(), {type: 'commandFinished', step: 0, diagram: undefined, complete: false});
	t.is(kept.view?.diagram, emptyDiagram);
	const replaced = reduce(inLesson(), {type: 'commandFinished', step: 0, diagram, complete: false});
	t.is(replaced.view?.diagram, diagram);
});

test('commandFinished with complete goes to the complete screen and keeps the lesson', t => {
	const state = reduce(inLesson(2), {type: 'commandFinished', step: 3, diagram: undefined, complete: true});
	t.deepEqual(state.screen, {name: 'complete'});
	t.is(state.view?.lesson, remoteLesson);
	t.is(state.view?.step, 3);
});

test('commandFinished without a lesson only clears busy', t => {
	const state = reduce(initialState(lessons), {type: 'commandStarted', line: 'x'}, {type: 'commandFinished', step: 2, diagram: undefined, complete: true});
	t.is(state.busy, undefined);
	t.deepEqual(state.screen, {name: 'menu', selected: 0});
});

test('print gives each line an increasing id, continuing after earlier lines', t => {
	const once = reduce(initialState(lessons), {type: 'print', lines: [{tone: 'heading', text: 'a'}, {tone: 'output', text: 'b'}]});
	t.deepEqual(once.transcript, [{tone: 'heading', text: 'a', id: 1}, {tone: 'output', text: 'b', id: 2}]);
	const twice = reduce(once, {type: 'print', lines: [{tone: 'note', text: 'c'}]}, {type: 'print', lines: []}, {type: 'print', lines: [{tone: 'note', text: 'd'}]});
	t.deepEqual(twice.transcript.map(line => line.id), [1, 2, 3, 4]);
	t.deepEqual(twice.transcript.map(line => line.text), ['a', 'b', 'c', 'd']);
});

test('hintShown counts hints for the current step', t => {
	t.is(reduce(inLesson(), {type: 'hintShown'}, {type: 'hintShown'}, {type: 'hintShown'}).view?.hintsShown, 3);
	const menu = initialState(lessons);
	t.is(reduce(menu, {type: 'hintShown'}), menu);
});

test('toMenu selects the lesson that was open and clears the typed line but keeps history', t => {
	const typed = reduce(inLesson(1),
		{type: 'prompt', action: {type: 'insert', text: 'git status'}},
		{type: 'prompt', action: {type: 'submit'}},
		{type: 'prompt', action: {type: 'insert', text: 'git lo'}},
		{type: 'commandStarted', line: 'git push'},
	);
	const menu = reduce(typed, {type: 'toMenu'});
	t.deepEqual(menu.screen, {name: 'menu', selected: 2});
	t.is(menu.view, undefined);
	t.is(menu.busy, undefined);
	t.is(menu.prompt.value, '');
	t.is(menu.prompt.cursor, 0);
	t.deepEqual(menu.prompt.history, ['git status']);
	t.deepEqual(reduce(initialState(lessons), {type: 'toMenu'}).screen, {name: 'menu', selected: 0});
});

test('quitArmed toggles, and returns the same state when nothing changes', t => {
	const lesson = inLesson();
	const armed = reduce(lesson, {type: 'quitArmed', armed: true});
	t.true(armed.quitArmed);
	t.is(reduce(armed, {type: 'quitArmed', armed: true}), armed);
	t.false(reduce(armed, {type: 'quitArmed', armed: false}).quitArmed);
	t.is(reduce(lesson, {type: 'quitArmed', armed: false}), lesson);
});

test('any prompt edit disarms quit, even one that leaves the line as it was', t => {
	const armed = reduce(inLesson(), {type: 'quitArmed', armed: true});
	const typed = reduce(armed, {type: 'prompt', action: {type: 'insert', text: 'g'}});
	t.false(typed.quitArmed);
	t.is(typed.prompt.value, 'g');
	// Left on an empty line changes nothing in the prompt but is still a key the learner pressed.
	const moved = reduce(armed, {type: 'prompt', action: {type: 'left'}});
	t.false(moved.quitArmed);
	// Unarmed, a no-op edit keeps the very same state (no needless render).
	const lesson = inLesson();
	t.is(reduce(lesson, {type: 'prompt', action: {type: 'left'}}), lesson);
});

test('other actions disarm quit too: moving in the menu, loading, running a command', t => {
	const armedMenu = {...initialState(lessons), quitArmed: true};
	t.false(reduce(armedMenu, {type: 'menuMove', by: 1}).quitArmed);
	t.false(reduce(armedMenu, {type: 'lessonLoading', title: 'x'}).quitArmed);
	const armedLesson = reduce(inLesson(), {type: 'quitArmed', armed: true});
	t.false(reduce(armedLesson, {type: 'commandStarted', line: 'git status'}).quitArmed);
});

test('progressLoaded marks exactly the completed lessons; lessonCompleted adds one', t => {
	const [first, second, third, fourth] = lessons.map(lesson => lesson.id);
	const loaded = reduce(initialState(lessons), {type: 'progressLoaded', completed: [first!, third!, 'not-a-lesson']});
	t.deepEqual(loaded.lessons.filter(lesson => lesson.completed).map(lesson => lesson.id), [first, third]);
	t.is(loaded.lessons.length, lessons.length);
	const reloaded = reduce(loaded, {type: 'progressLoaded', completed: [second!]});
	t.deepEqual(reloaded.lessons.filter(lesson => lesson.completed).map(lesson => lesson.id), [second]);
	const done = reduce(reloaded, {type: 'lessonCompleted', lessonId: fourth!});
	t.deepEqual(done.lessons.filter(lesson => lesson.completed).map(lesson => lesson.id), [second, fourth]);
});

test('clearScreen counts requests', t => {
	t.is(reduce(initialState(lessons), {type: 'clearScreen'}, {type: 'clearScreen'}).screenClears, 2);
});

// ---- report-lines ----

function gitResult(overrides: Partial<GitResult> = {}): GitResult {
	return {exitCode: 0, output: '', stdout: '', timedOut: false, cancelled: false, tooMuchOutput: false, ...overrides};
}

function gitReport(args: string[], overrides: Partial<CommandReport> = {}, result: Partial<GitResult> = {}): CommandReport {
	const line = `git ${args.join(' ')}`;
	const lineResult: LineResult = {kind: 'git', args: readGitArguments(args), result: gitResult(result)};
	return {line, result: lineResult, output: '', explanation: undefined, outcome: undefined, announcements: [], ...overrides};
}

const stay = (nudge?: string): StepOutcome => ({kind: 'stay', nudge});

test('promptLabel names the branch, or says detached, and marks an operation as git\'s own prompt does', t => {
	t.is(promptLabel({branch: 'main', operation: undefined}), '~/shipment (main) $');
	t.is(promptLabel({branch: undefined, operation: undefined}), '~/shipment (detached) $');
	t.is(promptLabel({branch: undefined, workBranch: 'main', operation: 'rebase'}), '~/shipment (main|REBASE) $');
	t.is(promptLabel({branch: 'main', operation: 'merge'}), '~/shipment (main|MERGING) $');
});

test('a refused line is shown as notes, one per line of the message', t => {
	const report: CommandReport = {line: 'vim notes.txt', result: {kind: 'refused', message: 'Editors do not open here.\nUse echo.'}, output: '', explanation: undefined, outcome: undefined, announcements: []};
	t.deepEqual(reportLines(report, remoteLesson), [{tone: 'note', text: 'Editors do not open here.'}, {tone: 'note', text: 'Use echo.'}]);
});

test('git output is shown line by line without the final newline; blank output shows nothing', t => {
	t.deepEqual(outputLines('On branch main\n\nnothing to commit\n'), [
		{tone: 'output', text: 'On branch main'},
		{tone: 'output', text: ''},
		{tone: 'output', text: 'nothing to commit'},
	]);
	t.deepEqual(outputLines(''), []);
	t.deepEqual(outputLines('  \n'), []);
	t.deepEqual(reportLines(gitReport(['status'], {output: 'clean\n'}), remoteLesson), [{tone: 'output', text: 'clean'}]);
});

test('output longer than maxOutputLines is cut, with a note saying how much', t => {
	const output = Array.from({length: maxOutputLines + 25}, (_, index) => `line ${index + 1}`).join('\n') + '\n';
	const lines = outputLines(output);
	t.is(lines.length, maxOutputLines + 1);
	t.deepEqual(lines[0], {tone: 'output', text: 'line 1'});
	t.deepEqual(lines[maxOutputLines - 1], {tone: 'output', text: `line ${maxOutputLines}`});
	t.deepEqual(lines.at(-1), {tone: 'note', text: '… 25 more lines not shown'});
	const exact = Array.from({length: maxOutputLines}, () => 'x').join('\n');
	t.false(outputLines(exact).some(line => line.tone === 'note'));
});

test('a recognised failure adds the explanation and the way out', t => {
	const report = gitReport(['push'], {output: 'fatal: No configured push destination.\n', explanation: explanations['no-destination'], outcome: stay()}, {exitCode: 128});
	const lines = reportLines(report, remoteLesson);
	t.deepEqual(lines, [
		{tone: 'output', text: 'fatal: No configured push destination.'},
		{tone: 'explain', text: `↳ ${explanations['no-destination'].meaning}`},
		{tone: 'explain', text: `  ${explanations['no-destination'].wayOut}`},
	]);
	t.true(lines[1]!.text.startsWith('↳ The truck has no address'));
});

test('a passed step says its success line; the last one also says the lesson is complete', t => {
	const [first, second, third] = remoteLesson.steps;
	const passed = reportLines(gitReport(['push'], {outcome: {kind: 'advance', passed: [0], skipped: [], next: 1}}), remoteLesson);
	t.deepEqual(passed, [{tone: 'success', text: `✓ ${first!.success}`}]);
	const complete = reportLines(gitReport(['remote', '-v'], {outcome: {kind: 'advance', passed: [2], skipped: [], next: 3}}), remoteLesson);
	t.deepEqual(complete, [
		{tone: 'success', text: `✓ ${third!.success}`},
		{tone: 'complete', text: '★ Lesson complete: No destination yet'},
	]);
	const several = reportLines(gitReport(['remote', 'add'], {outcome: {kind: 'advance', passed: [1, 2], skipped: [], next: 3}}), remoteLesson);
	t.deepEqual(several.map(line => line.tone), ['success', 'success', 'complete']);
	t.is(several[0]!.text, `✓ ${second!.success}`);
});

test('skipped steps are named before the step that passed', t => {
	const lines = reportLines(gitReport(['remote', 'add'], {outcome: {kind: 'advance', passed: [1], skipped: [0], next: 2}}), remoteLesson);
	t.deepEqual(lines, [
		{tone: 'note', text: '↷ Skipped step 1 (Try to ship): you went straight past it, which is fine.'},
		{tone: 'success', text: `✓ ${remoteLesson.steps[1]!.success}`},
	]);
});

test('a nudge is said after the output; staying without one says nothing more', t => {
	const nudged = reportLines(gitReport(['remote', 'add', 'github', githubUrl], {outcome: stay('Call it origin.')}), remoteLesson);
	t.deepEqual(nudged, [{tone: 'nudge', text: '→ Call it origin.'}]);
	t.deepEqual(reportLines(gitReport(['status'], {outcome: stay()}), remoteLesson), []);
});

test('a timed out or cancelled command says so after its output', t => {
	const timedOut = reportLines(gitReport(['push'], {output: 'Counting objects\n'}, {timedOut: true, exitCode: 130}), remoteLesson);
	t.deepEqual(timedOut, [{tone: 'output', text: 'Counting objects'}, {tone: 'note', text: 'That command took too long and was stopped.'}]);
	const cancelled = reportLines(gitReport(['push'], {}, {cancelled: true, exitCode: 130}), remoteLesson);
	t.deepEqual(cancelled, [{tone: 'note', text: 'Stopped.'}]);
});

test('git that could not start is a warning', t => {
	const lines = reportLines(gitReport(['status'], {}, {exitCode: 127, startError: 'spawn git ENOENT'}), remoteLesson);
	t.deepEqual(lines, [{tone: 'warning', text: 'Git could not be started: spawn git ENOENT'}]);
});

// ---- diagram-model ----

function repoState(overrides: Partial<RepoState> = {}): RepoState {
	return {
		branch: 'main',
		workBranch: 'main',
		detachedOffBranch: false,
		head: undefined,
		upstream: undefined,
		ahead: 0,
		behind: 0,
		staged: [],
		unstaged: [],
		untracked: [],
		conflicted: [],
		commits: [],
		branches: {},
		remoteTracking: {},
		tags: {},
		remotes: [],
		pullSettings: {rebase: undefined, ff: undefined},
		operation: undefined,
		headFiles: {},
		markedFiles: [],
		online: {branches: {}, tags: {}, reachable: [], commits: []},
		...overrides,
	};
}

const commit = (oid: string, subject: string, parents: string[] = [], author = 'Learner') => ({oid, subject, author, parents, files: [{status: 'A', path: `${oid}.txt`}]});

test('an empty repository gives an empty diagram with no route', t => {
	t.deepEqual(diagramOf(repoState()), {branch: 'main', workBranch: 'main', detachedAt: undefined, desk: [], openBox: [], waiting: [], warehouse: [], warehouseOf: undefined, route: {kind: 'none'}, operation: undefined});
	t.is(diagramOf(repoState({branch: undefined, workBranch: undefined})).branch, undefined);
});

test('the desk holds deletions and changes first (easy to miss), then new (untracked) files', t => {
	const diagram = diagramOf(repoState({
		untracked: ['photo.txt', 'todo.txt'],
		unstaged: [{path: 'notes.txt', kind: 'modified'}, {path: 'old.txt', kind: 'deleted'}, {path: 'odd.txt', kind: 'type-changed'}],
	}));
	t.deepEqual(diagram.desk, ['old.txt (deleted)', 'notes.txt (changed)', 'odd.txt', 'photo.txt (new)', 'todo.txt (new)']);
	t.deepEqual(diagram.openBox, []);
});

test('the open box holds staged changes', t => {
	const diagram = diagramOf(repoState({staged: [{path: 'notes.txt', kind: 'added'}, {path: 'todo.txt', kind: 'modified'}, {path: 'gone.txt', kind: 'deleted'}]}));
	t.deepEqual(diagram.openBox, ['gone.txt (deleted)', 'todo.txt (changed)', 'notes.txt']);
	t.deepEqual(diagram.desk, []);
});

test('sealed boxes wait until the warehouse has them, newest first', t => {
	const c3 = commit('c3', 'Third', ['c2']);
	const c2 = commit('c2', 'Second', ['c1']);
	const c1 = commit('c1', 'First');
	const diagram = diagramOf(repoState({
		head: 'c3',
		commits: [c3, c2, c1],
		remotes: [{name: 'origin', url: githubUrl}],
		upstream: 'origin/main',
		online: {branches: {main: 'c1'}, tags: {}, reachable: [], commits: [{oid: 'c1', parents: [], author: 'Learner', subject: 'First'}]},
	}));
	t.deepEqual(diagram.waiting, [{oid: 'c3', subject: 'Third', by: undefined, notHome: false, replaced: false}, {oid: 'c2', subject: 'Second', by: undefined, notHome: false, replaced: false}]);
	t.deepEqual(diagram.warehouse, [{oid: 'c1', subject: 'First', by: undefined, notHome: false, replaced: false}]);
});

test('with nothing online every sealed box waits and the warehouse is empty', t => {
	const diagram = diagramOf(repoState({head: 'c2', commits: [commit('c2', 'Second', ['c1']), commit('c1', 'First')]}));
	t.deepEqual(diagram.waiting.map(box => box.subject), ['Second', 'First']);
	t.deepEqual(diagram.warehouse, []);
});

test('the warehouse shows the online branch of the current branch, from its tip down', t => {
	const online = {
		branches: {main: 'o2', other: 'o3'},
		tags: {}, reachable: [],
		commits: [{oid: 'o3', parents: ['o2'], author: 'Learner', subject: 'Other work'}, {oid: 'o2', parents: ['o1'], author: 'Learner', subject: 'Second'}, {oid: 'o1', parents: [], author: 'Learner', subject: 'First'}],
	};
	t.deepEqual(diagramOf(repoState({online})).warehouse.map(box => box.subject), ['Second', 'First']);
	// A branch the warehouse does not have, or a detached HEAD, shows an empty warehouse...
	t.deepEqual(diagramOf(repoState({branch: 'feature', workBranch: 'feature', online})).warehouse, []);
	const detached = diagramOf(repoState({branch: undefined, workBranch: undefined, head: 'o1', online}));
	t.deepEqual(detached.warehouse, []);
	t.is(detached.detachedAt, 'o1');
	// ...but while a rebase holds HEAD detached, the warehouse is the rebased branch's.
	const rebasing = diagramOf(repoState({branch: undefined, workBranch: 'main', head: 'o1', operation: 'rebase', online}));
	t.deepEqual(rebasing.warehouse.map(box => box.subject), ['Second', 'First']);
	t.is(rebasing.detachedAt, undefined);
});

test('route: none without remotes, an address without upstream, saved with one', t => {
	t.deepEqual(diagramOf(repoState()).route, {kind: 'none'});
	t.deepEqual(diagramOf(repoState({remotes: [{name: 'origin', url: githubUrl}]})).route, {kind: 'address', remote: 'origin', reaches: true});
	t.deepEqual(diagramOf(repoState({remotes: [{name: 'origin', url: githubUrl}], upstream: 'origin/main'})).route, {kind: 'saved', remote: 'origin', upstream: 'origin/main', reaches: true, ahead: 0, behind: 0});
});

test('route: a URL that does not lead to the online repository does not reach it', t => {
	t.deepEqual(diagramOf(repoState({remotes: [{name: 'origin', url: 'https://github.com/learner/shipmnet.git'}]})).route, {kind: 'address', remote: 'origin', reaches: false});
	t.deepEqual(diagramOf(repoState({remotes: [{name: 'origin', url: 'https://gitlab.com/learner/shipment.git'}], upstream: 'origin/main'})).route, {kind: 'saved', remote: 'origin', upstream: 'origin/main', reaches: false, ahead: 0, behind: 0});
	// The forms git itself accepts for the same repository still reach it.
	for (const url of ['https://github.com/learner/shipment', 'git@github.com:learner/shipment.git', 'https://github.com/learner/shipment.git/']) {
		t.deepEqual(diagramOf(repoState({remotes: [{name: 'origin', url}]})).route, {kind: 'address', remote: 'origin', reaches: true}, url);
	}
});

test('route: origin is preferred; otherwise the first remote is used', t => {
	const both = diagramOf(repoState({remotes: [{name: 'backup', url: 'https://example.com/x.git'}, {name: 'origin', url: githubUrl}]}));
	t.deepEqual(both.route, {kind: 'address', remote: 'origin', reaches: true});
	const other = diagramOf(repoState({remotes: [{name: 'github', url: githubUrl}]}));
	t.deepEqual(other.route, {kind: 'address', remote: 'github', reaches: true});
});

test('the warehouse holds only what the branch tip reaches, even when another branch\'s box is newer', t => {
	// The log of every branch is newest first: gift-wrap's box sits between main's two boxes.
	const online = {
		branches: {main: 'm2', 'gift-wrap': 'g1'},
		tags: {}, reachable: [],
		commits: [
			{oid: 'm2', parents: ['m1'], author: 'Sam Rivera', subject: 'Sam on main'},
			{oid: 'g1', parents: ['m1'], author: 'Learner', subject: 'Wrap gifts'},
			{oid: 'm1', parents: [], author: 'Learner', subject: 'Start'},
		],
	};
	const diagram = diagramOf(repoState({online, commits: [commit('m1', 'Start')], head: 'm1'}));
	t.deepEqual(diagram.warehouse.map(box => box.subject), ['Sam on main', 'Start']);
	t.deepEqual(diagram.warehouse.map(box => [box.by, box.notHome]), [['Sam', true], [undefined, false]]);
});

test('the last step of a drill says Drill complete, of a lesson Lesson complete', t => {
	const last = gitReport(['remote', '-v'], {outcome: {kind: 'advance', passed: [2], skipped: [], next: 3}});
	t.true(reportLines(last, remoteLesson).some(line => line.text === `★ Lesson complete: ${remoteLesson.title}`));
	t.true(reportLines(last, remoteLesson, 'drill').some(line => line.text === `★ Drill complete: ${remoteLesson.title}`));
});

test('a loss of several boxes in a row is brought back by merging the newest: it brings the rest', t => {
	const box = (oid: string, parents: string[]) => ({oid, subject: `Box ${oid}`, author: 'Sam Rivera', parents, kept: true});
	const situation = situationOf({
		state: repoState({head: 'h1', commits: [commit('h1', 'Mine', ['base'])]}),
		loss: {boxes: [box('b2222222', ['a1111111']), box('a1111111', ['base'])], byPush: true, fresh: true},
		homeBranch: 'main',
		gitVersion: undefined,
	}, undefined);
	t.is(situation?.hints.at(-1), 'Type: git merge b222222');
	t.regex(situation?.say ?? '', /Your push threw 2 boxes: "Box b2222222" \(sealed by Sam\), "Box a1111111" \(sealed by Sam\) out of the warehouse/);
});
