import nodeFs from 'node:fs';
import test from 'ava';
import {memfs} from 'memfs';
import {loadLessons, type LessonFs} from '../source/lessons/load-lessons.ts';
import {lessonsDirectory} from './helpers/lessons.ts';

type Json = Record<string, unknown>;

// A small lesson that passes validation; tests break one thing at a time.
function validLesson(overrides: Json = {}): Json {
	return {
		id: 'remote',
		number: 3,
		title: 'No destination yet',
		command: 'remote',
		intro: 'The truck is ready.',
		setup: [{do: 'write', path: 'notes.txt', text: 'Notes\n'}],
		steps: [
			{
				id: 'try-push',
				title: 'Try to ship',
				text: 'Try git push.',
				passWhen: [{check: 'ran', command: 'push', result: 'failed', failure: 'no-destination'}],
				success: 'No address.',
				nudges: [],
				hints: ['Type: git push'],
				solution: ['git push'],
				wrongMoves: [['git status']],
			},
			{
				id: 'add-remote',
				title: 'Give the truck an address',
				text: 'git remote add origin {url}',
				passWhen: [{check: 'remote', name: 'origin', reachesOnline: true}],
				success: 'Addressed.',
				nudges: [{when: [{check: 'not', of: {check: 'noRemotes'}}], say: 'Call it origin.'}],
				hints: ['Type: git remote add origin {url}'],
				solution: ['git remote add origin {url}'],
			},
		],
		summary: ['git remote add saves the address.'],
		...overrides,
	};
}

/** The lesson with one field of step 2 (add-remote) replaced, or removed when undefined. */
function withStep2(field: string, value: unknown): Json {
	const lesson = validLesson();
	const steps = lesson['steps'] as Json[];
	const step: Json = {...steps[1]!};
	if (value === undefined) {
		delete step[field];
	} else {
		step[field] = value;
	}

	return {...lesson, steps: [steps[0], step]};
}

function lessonFs(files: Record<string, string | Json>): LessonFs {
	const json = Object.fromEntries(Object.entries(files).map(([name, content]) => [`/course/lessons/${name}`, typeof content === 'string' ? content : JSON.stringify(content, undefined, '\t')]));
	const {fs} = memfs(json);
	return {
		readdirSync: directory => fs.readdirSync(directory).map(String),
		readFileSync: (file, encoding) => String(fs.readFileSync(file, encoding)),
	};
}

function load(files: Record<string, string | Json>) {
	return loadLessons('/course/lessons', lessonFs(files));
}

/** The single problem reported, which must name the file. */
function onlyProblem(t: {is(actual: unknown, expected: unknown, message?: string): void}, files: Record<string, string | Json>): string {
	const {lessons, problems} = load(files);
	t.is(problems.length, 1, problems.join('\n'));
	t.is(lessons.length, Object.keys(files).length - 1);
	return problems[0] ?? '';
}

test('a valid lesson loads with every field', t => {
	const {lessons, problems} = load({'03-remote.json': validLesson()});
	t.deepEqual(problems, []);
	t.is(lessons.length, 1);
	const [lesson] = lessons;
	t.is(lesson!.id, 'remote');
	t.is(lesson!.number, 3);
	t.is(lesson!.source, 'lessons/03-remote.json');
	t.deepEqual(lesson!.steps.map(step => step.id), ['try-push', 'add-remote']);
	t.deepEqual(lesson!.setup, [{do: 'write', path: 'notes.txt', text: 'Notes\n'}]);
	// Optional fields get their defaults.
	t.deepEqual(lesson!.steps[1]!.wrongMoves, []);
	t.false(lesson!.steps[1]!.afterPrevious);
});

test('files that are not .json are ignored; lessons are sorted by number', t => {
	const {lessons, problems} = load({
		'b.json': validLesson({id: 'second', number: 2}),
		'a.json': validLesson({id: 'fifth', number: 5}),
		'README.md': '# not a lesson',
		'notes.txt': '{',
	});
	t.deepEqual(problems, []);
	t.deepEqual(lessons.map(lesson => lesson.id), ['second', 'fifth']);
});

test('an unknown check names the file, the step and the place, with a did-you-mean', t => {
	const problem = onlyProblem(t, {'03-remote.json': withStep2('passWhen', [{check: 'remot', name: 'origin'}])});
	t.true(problem.startsWith('lessons/03-remote.json:\n'), problem);
	t.true(problem.includes('step 2 (add-remote) > passWhen[0]: unknown check "remot" (did you mean "remote"?)'), problem);
});

test('a check far from any known one lists the known checks', t => {
	const problem = onlyProblem(t, {'03-remote.json': withStep2('passWhen', [{check: 'teleported'}])});
	t.regex(problem, /step 2 \(add-remote\) > passWhen\[0\]: unknown check "teleported" \(known: ran, staged, .*shipped, .*not\)/);
});

test('a check with a missing or mistyped parameter is reported', t => {
	const missing = onlyProblem(t, {'03-remote.json': withStep2('passWhen', [{check: 'remote'}])});
	t.true(missing.includes('step 2 (add-remote) > passWhen[0]: needs "name"'), missing);
	const typed = onlyProblem(t, {'03-remote.json': withStep2('passWhen', [{check: 'remote', name: 'origin', reachesOnline: 'yes'}])});
	t.true(typed.includes('step 2 (add-remote) > passWhen[0]: "reachesOnline" must be a boolean'), typed);
	const extra = onlyProblem(t, {'03-remote.json': withStep2('passWhen', [{check: 'remote', name: 'origin', reachOnline: true}])});
	t.true(extra.includes('step 2 (add-remote) > passWhen[0]: unknown field "reachOnline" (did you mean "reachesOnline"?)'), extra);
});

test('a problem inside a "not" check names the nested place', t => {
	const problem = onlyProblem(t, {'03-remote.json': withStep2('nudges', [{when: [{check: 'not', of: {check: 'noRemote'}}], say: 'x'}])});
	t.true(problem.includes('step 2 (add-remote) > nudges[0] > when[0] > of: unknown check "noRemote" (did you mean "noRemotes"?)'), problem);
});

test('a missing passWhen is reported for the step', t => {
	const problem = onlyProblem(t, {'03-remote.json': withStep2('passWhen', undefined)});
	t.true(problem.includes('step 2 (add-remote): "passWhen" must be a list'), problem);
});

test('an empty passWhen is reported: the step would pass by itself', t => {
	const problem = onlyProblem(t, {'03-remote.json': withStep2('passWhen', [])});
	t.true(problem.includes('step 2 (add-remote): "passWhen" needs at least one check'), problem);
});

test('empty hints are reported for the step', t => {
	const problem = onlyProblem(t, {'03-remote.json': withStep2('hints', [])});
	t.true(problem.includes('step 2 (add-remote): "hints" needs at least one hint'), problem);
	const wrongType = onlyProblem(t, {'03-remote.json': withStep2('hints', 'Type: git remote add')});
	t.true(wrongType.includes('step 2 (add-remote): "hints" must be a list of texts'), wrongType);
});

test('an unknown step field is reported with a suggestion', t => {
	const problem = onlyProblem(t, {'03-remote.json': withStep2('hint', ['x'])});
	t.true(problem.includes('step 2 (add-remote): unknown field "hint" (did you mean "hints"?)'), problem);
});

test('an unknown lesson field is reported with a suggestion', t => {
	const problem = onlyProblem(t, {'03-remote.json': validLesson({summery: ['x']})});
	t.true(problem.includes('  - unknown field "summery" (did you mean "summary"?)'), problem);
});

test('bad JSON names the file and says why', t => {
	const problem = onlyProblem(t, {'03-remote.json': '{"id": "remote", "steps": [}'});
	t.true(problem.startsWith('lessons/03-remote.json:\n  - not valid JSON: '), problem);
});

test('a file that is not one JSON object is reported', t => {
	const problem = onlyProblem(t, {'03-remote.json': '[1, 2]'});
	t.true(problem.includes('lessons/03-remote.json:\n  - the file must hold one JSON object'), problem);
});

test('a wrong failure id is reported with a did-you-mean', t => {
	const steps = validLesson()['steps'] as Json[];
	const lesson = validLesson({steps: [{...steps[0], passWhen: [{check: 'ran', command: 'push', failure: 'no-destinaton'}]}, steps[1]]});
	const problem = onlyProblem(t, {'03-remote.json': lesson});
	t.true(problem.includes('step 1 (try-push) > passWhen[0]: "failure" is not a known failure (did you mean "no-destination"?)'), problem);
});

test('a bad setup action is reported with its place', t => {
	const unknown = onlyProblem(t, {'03-remote.json': validLesson({setup: [{do: 'wrte', path: 'a.txt', text: 'x'}]})});
	t.true(unknown.includes('setup[0]: unknown setup action "wrte" (did you mean "write"?)'), unknown);
	const missing = onlyProblem(t, {'03-remote.json': validLesson({setup: [{do: 'write', path: 'a.txt'}, {do: 'type'}]})});
	t.true(missing.includes('setup[0]: needs "text"'), missing);
	t.true(missing.includes('setup[1]: needs "line"'), missing);
	const notObject = onlyProblem(t, {'03-remote.json': validLesson({setup: ['git init']})});
	t.true(notObject.includes('setup[0]: a setup action must be an object'), notObject);
});

test('every problem in a file is listed at once, each on its own line', t => {
	const steps = validLesson()['steps'] as Json[];
	const lesson = validLesson({
		number: 0,
		steps: [{...steps[0], hints: []}, {...steps[1], passWhen: [{check: 'remot', name: 'origin'}], solution: []}],
	});
	const problem = onlyProblem(t, {'03-remote.json': lesson});
	const lines = problem.split('\n').slice(1);
	t.true(lines.every(line => line.startsWith('  - ')), problem);
	t.true(lines.some(line => line.includes('"number" must be a whole number')), problem);
	t.true(lines.some(line => line.includes('step 1 (try-push): "hints" needs at least one hint')), problem);
	t.true(lines.some(line => line.includes('step 2 (add-remote) > passWhen[0]: unknown check "remot"')), problem);
	t.true(lines.some(line => line.includes('step 2 (add-remote): "solution" needs at least one command line')), problem);
});

test('steps with the same id are reported', t => {
	const steps = validLesson()['steps'] as Json[];
	const problem = onlyProblem(t, {'03-remote.json': validLesson({steps: [steps[0], {...steps[1], id: 'try-push'}]})});
	t.true(problem.includes('step 2 (try-push): another step already has this id'), problem);
});

test('a step without an id is reported by its number', t => {
	const problem = onlyProblem(t, {'03-remote.json': withStep2('id', undefined)});
	t.true(problem.includes('step 2: "id" must be a non-empty text'), problem);
});

test('a broken file does not stop the other lessons loading', t => {
	const {lessons, problems} = load({
		'01-add.json': validLesson({id: 'add', number: 1}),
		'02-broken.json': '{ not json',
		'03-remote.json': withStep2('passWhen', [{check: 'remot', name: 'origin'}]),
		'04-push.json': validLesson({id: 'push', number: 4}),
	});
	t.deepEqual(lessons.map(lesson => lesson.id), ['add', 'push']);
	t.is(problems.length, 2);
	t.true(problems[0]!.startsWith('lessons/02-broken.json:'), problems[0]);
	t.true(problems[1]!.startsWith('lessons/03-remote.json:'), problems[1]);
});

test('a lesson id or number already used by another file is left out', t => {
	const sameId = load({
		'a.json': validLesson({id: 'remote', number: 3}),
		'b.json': validLesson({id: 'remote', number: 7}),
	});
	t.deepEqual(sameId.lessons.map(lesson => lesson.source), ['lessons/a.json']);
	t.deepEqual(sameId.problems, ['lessons/b.json:\n  - has the same id "remote" as lessons/a.json; it was left out']);

	const sameNumber = load({
		'a.json': validLesson({id: 'remote', number: 3}),
		'b.json': validLesson({id: 'other', number: 3}),
	});
	t.deepEqual(sameNumber.lessons.map(lesson => lesson.id), ['remote']);
	t.deepEqual(sameNumber.problems, ['lessons/b.json:\n  - has the same number 3 as lessons/a.json; it was left out']);
});

test('a lesson that continues from a missing lesson is left out', t => {
	const {lessons, problems} = load({
		'01-add.json': validLesson({id: 'add', number: 1}),
		'03-remote.json': validLesson({setup: [{do: 'continueFrom', lesson: 'commit'}]}),
	});
	t.deepEqual(lessons.map(lesson => lesson.id), ['add']);
	t.deepEqual(problems, ['lessons/03-remote.json:\n  - setup continues from lesson "commit", which is not loaded; it was left out']);
});

test('a lesson continuing from one that was left out for a problem is left out too', t => {
	const {lessons, problems} = load({
		'02-commit.json': '{',
		'03-remote.json': validLesson({setup: [{do: 'continueFrom', lesson: 'commit'}]}),
	});
	t.deepEqual(lessons, []);
	t.is(problems.length, 2);
	t.true(problems[1]!.includes('setup continues from lesson "commit", which is not loaded'), problems.join('\n'));
});

test('a missing lessons folder is one problem, not a crash', t => {
	const {lessons, problems} = loadLessons('/nowhere/lessons', lessonFs({}));
	t.deepEqual(lessons, []);
	t.is(problems.length, 1);
	t.true(problems[0]!.startsWith('Could not read the lessons folder /nowhere/lessons'), problems[0]);
});

test('the shipped lessons folder loads with no problems', t => {
	const {lessons, problems} = loadLessons(lessonsDirectory, nodeFs);
	t.deepEqual(problems, []);
	// Every lesson file is a lesson; pack.json, the manifest, is not read as one.
	t.is(lessons.length, nodeFs.readdirSync(lessonsDirectory).filter(name => name.endsWith('.json') && name !== 'pack.json').length);
	t.deepEqual(lessons.map(lesson => lesson.number), lessons.map((_, index) => index + 1));
	for (const lesson of lessons) {
		t.true(lesson.steps.length > 0, lesson.id);
		t.true(lesson.steps.every(step => step.hints.length > 0 && step.solution.length > 0 && step.passWhen.length > 0), lesson.id);
	}
});

test('a failure met only in pasted text (GitHub, the network) is not one a lesson can check', t => {
	const steps = validLesson()['steps'] as Json[];
	const lesson = validLesson({steps: [{...steps[0], passWhen: [{check: 'ran', command: 'push', failure: 'publickey-denied'}]}, steps[1]]});
	const problem = onlyProblem(t, {'03-remote.json': lesson});
	t.true(problem.includes('step 1 (try-push) > passWhen[0]: "failure" is not a known failure'), problem);
});
