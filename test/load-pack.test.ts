// Loading a pack: its pack.json (name, order, drills, branch), its lesson files, and every way
// either can be broken, each named with its file while the rest still loads.
import nodeFs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {Ajv} from 'ajv';
import {memfs} from 'memfs';
import {packSchema} from '../source/lessons/lesson-schema.ts';
import type {LessonFs} from '../source/lessons/load-lessons.ts';
import {loadPack} from '../source/lessons/load-pack.ts';
import {lessonsDirectory, shippedPack} from './helpers/lessons.ts';

type Json = Record<string, unknown>;

/** A small valid lesson; `continues` makes its setup continue from that lesson. */
function lesson(id: string, number: number, continues?: string): Json {
	return {
		id,
		number,
		title: `Lesson ${id}`,
		command: 'add',
		intro: 'Pack a file.',
		setup: continues ? [{do: 'continueFrom', lesson: continues}] : [{do: 'write', path: 'notes.txt', text: 'Notes\n'}],
		steps: [{
			id: 'stage',
			title: 'Pack it',
			text: 'git add notes.txt',
			passWhen: [{check: 'staged', path: 'notes.txt'}],
			hints: ['Type: git add notes.txt'],
			solution: ['git add notes.txt'],
		}],
		summary: ['git add packs a file.'],
	};
}

const folder = '/class/team-pack';

function packFs(files: Record<string, unknown>): LessonFs {
	const json = Object.fromEntries(Object.entries(files).map(([name, content]) => [`${folder}/${name}`, typeof content === 'string' ? content : JSON.stringify(content)]));
	const {fs} = memfs({...json, '/class/a-file.txt': 'not a folder'});
	return {
		readdirSync: directory => fs.readdirSync(directory).map(String),
		readFileSync: (file, encoding) => String(fs.readFileSync(file, encoding)),
	};
}

const three = {'01-a.json': lesson('alpha', 1), '02-b.json': lesson('beta', 2), '03-c.json': lesson('gamma', 3)};

test('without pack.json: every lesson file, by number, named after the folder, no drills', t => {
	const pack = loadPack(folder, packFs(three));
	t.deepEqual(pack.problems, []);
	t.is(pack.name, 'team-pack');
	t.is(pack.directory, folder);
	t.deepEqual(pack.lessons.map(({id}) => id), ['alpha', 'beta', 'gamma']);
	t.deepEqual(pack.drills, []);
	t.is(pack.branch, undefined);
});

test('pack.json gives the name, the menu order, the drills and the branch, and is not read as a lesson', t => {
	const pack = loadPack(folder, packFs({
		...three,
		'pack.json': {$schema: '../schema/pack.schema.json', name: 'Team workflow', lessons: ['gamma', 'alpha', 'beta'], drills: {'pull-first': 'gamma', recover: 'alpha'}, branch: 'trunk', requires: {git: '2.23'}},
	}));
	t.deepEqual(pack.problems, []);
	t.is(pack.name, 'Team workflow');
	t.deepEqual(pack.lessons.map(({id}) => id), ['gamma', 'alpha', 'beta']);
	t.deepEqual(pack.drills, [{drill: 'pull-first', lesson: 'gamma'}, {drill: 'recover', lesson: 'alpha'}]);
	t.is(pack.branch, 'trunk');
});

test('a lesson file the manifest does not list is reported and left out; a listed id with no lesson is reported', t => {
	const pack = loadPack(folder, packFs({...three, 'pack.json': {name: 'Team', lessons: ['alpha', 'gama']}}));
	t.deepEqual(pack.lessons.map(({id}) => id), ['alpha']);
	const all = pack.problems.join('\n');
	t.regex(all, /team-pack\/02-b\.json:\n {2}- lesson "beta" is not in the "lessons" list of team-pack\/pack\.json; it was left out/);
	t.regex(all, /team-pack\/03-c\.json:\n {2}- lesson "gamma" is not in the "lessons" list/);
	t.regex(all, /team-pack\/pack\.json:\n {2}- "lessons" names "gama", but no lesson with that id was loaded \(did you mean "gamma"\?\)/);
});

test('leaving out an unlisted lesson also leaves out the lessons that continue from it, each said', t => {
	const pack = loadPack(folder, packFs({
		'01-a.json': lesson('alpha', 1),
		'02-b.json': lesson('beta', 2, 'alpha'),
		'03-c.json': lesson('gamma', 3, 'beta'),
		'pack.json': {name: 'Team', lessons: ['beta', 'gamma']},
	}));
	t.deepEqual(pack.lessons, []);
	const all = pack.problems.join('\n');
	t.regex(all, /02-b\.json:\n {2}- setup continues from lesson "alpha", which is not loaded; it was left out/);
	t.regex(all, /03-c\.json:\n {2}- setup continues from lesson "beta", which is not loaded; it was left out/);
});

test('drills: an unknown drill name (with did-you-mean) and a lesson that is not loaded are problems; the rest is kept', t => {
	const pack = loadPack(folder, packFs({...three, 'pack.json': {name: 'Team', drills: {recvoer: 'alpha', force: 'delta', conflict: 'beta'}}}));
	t.deepEqual(pack.drills, [{drill: 'conflict', lesson: 'beta'}]);
	t.is(pack.lessons.length, 3);
	const all = pack.problems.join('\n');
	t.regex(all, /team-pack\/pack\.json:\n {2}- "drills": there is no drill "recvoer" \(did you mean "recover"\?\)/);
	t.regex(all, /"drills" > "force" follows lesson "delta", which is not loaded; the menu does not offer that drill/);
});

test('a misspelt or mistyped manifest field is named with did-you-mean, and the rest of the manifest still counts', t => {
	const pack = loadPack(folder, packFs({...three, 'pack.json': {name: 'Team', lesons: ['beta'], branch: 'my branch', requires: {gti: '2.23'}, drills: {conflict: 'beta'}}}));
	t.is(pack.name, 'Team');
	t.deepEqual(pack.lessons.map(({id}) => id), ['alpha', 'beta', 'gamma'], 'the misspelt list orders nothing');
	t.deepEqual(pack.drills, [{drill: 'conflict', lesson: 'beta'}]);
	t.is(pack.branch, undefined);
	t.is(pack.problems.length, 1, pack.problems.join('\n'));
	const [problem] = pack.problems;
	t.true(problem!.startsWith('team-pack/pack.json:\n'), problem);
	t.regex(problem!, /unknown field "lesons" \(did you mean "lessons"\?\)/);
	t.regex(problem!, /"branch" must be a branch name without spaces/);
	t.regex(problem!, /"requires": unknown field "gti" \(did you mean "git"\?\)/);
});

test('a pack.json that is not JSON, or has no name, is reported; the lessons load by number under the folder\'s name', t => {
	for (const manifest of ['{"name": "Team",', {branch: 'main'}, ['alpha']]) {
		const pack = loadPack(folder, packFs({...three, 'pack.json': manifest}));
		t.is(pack.name, 'team-pack');
		t.is(pack.problems.length, 1, pack.problems.join('\n'));
		t.true(pack.problems[0]!.startsWith('team-pack/pack.json:\n  - '), pack.problems[0]);
	}

	t.regex(loadPack(folder, packFs({...three, 'pack.json': '{"name": "Team",'})).problems[0]!, /not valid JSON/);
	t.regex(loadPack(folder, packFs({...three, 'pack.json': {branch: 'main'}})).problems[0]!, /"name" must be a non-empty text/);
	t.deepEqual(loadPack(folder, packFs({...three, 'pack.json': {lessons: ['gamma', 'alpha', 'beta']}})).lessons.map(({id}) => id), ['gamma', 'alpha', 'beta'], 'a sound "lessons" still orders');
});

test('a broken lesson file is reported with its file, step and field; the rest of the pack still loads', t => {
	const broken = {...lesson('beta', 2), steps: [{...(lesson('beta', 2)['steps'] as Json[])[0], pasWhen: []}]};
	const pack = loadPack(folder, packFs({...three, '02-b.json': broken, 'pack.json': {name: 'Team', lessons: ['alpha', 'beta', 'gamma']}}));
	t.deepEqual(pack.lessons.map(({id}) => id), ['alpha', 'gamma']);
	const all = pack.problems.join('\n');
	t.regex(all, /team-pack\/02-b\.json:\n {2}- step 1 \(stage\): unknown field "pasWhen" \(did you mean "passWhen"\?\)/);
	t.regex(all, /"lessons" names "beta", but no lesson with that id was loaded/);
});

test('a folder that does not exist, a file given as the folder, and an unreadable folder are each one clear problem', t => {
	const fs = packFs(three);
	const missing = loadPack('/class/nowhere', fs);
	t.deepEqual(missing.lessons, []);
	t.deepEqual(missing.problems, ['There is no folder /class/nowhere.']);
	t.deepEqual(loadPack('/class/a-file.txt', fs).problems, ['/class/a-file.txt is not a folder: a pack is a folder of lesson files.']);

	const denied: LessonFs = {
		readdirSync() {
			throw Object.assign(new Error('EACCES: permission denied, scandir'), {code: 'EACCES'});
		},
		readFileSync: fs.readFileSync,
	};
	t.deepEqual(loadPack(folder, denied).problems, ['Could not read the folder /class/team-pack (permission denied).']);
});

test('an unreadable pack.json is reported, and the lessons still load', t => {
	const fs = packFs({...three, 'pack.json': {name: 'Team'}});
	const pack = loadPack(folder, {
		readdirSync: fs.readdirSync,
		readFileSync(file, encoding) {
			if (file.endsWith('pack.json')) {
				throw Object.assign(new Error('EACCES'), {code: 'EACCES'});
			}

			return fs.readFileSync(file, encoding);
		},
	});
	t.deepEqual(pack.problems, ['team-pack/pack.json:\n  - could not be read (permission denied)']);
	t.is(pack.lessons.length, 3);
});

test('the built-in lessons are a pack: its manifest maps drills to lessons it holds, and loads with no problems', t => {
	const pack = loadPack(lessonsDirectory, nodeFs);
	t.deepEqual(pack.problems, []);
	t.true(pack.name.length > 0);
	t.true(pack.drills.length > 0);
	for (const {lesson} of pack.drills) {
		t.true(pack.lessons.some(candidate => candidate.id === lesson), lesson);
	}

	t.deepEqual(shippedPack().lessons.map(({id}) => id), pack.lessons.map(({id}) => id));
});

test('the built-in pack.json passes the pack schema, and its "$schema" leads to the schema file', t => {
	const file = path.join(lessonsDirectory, 'pack.json');
	const manifest = JSON.parse(nodeFs.readFileSync(file, 'utf8')) as Record<string, unknown>;
	const validate = new Ajv({allErrors: true, strict: true}).compile(packSchema());
	t.true(validate(manifest), JSON.stringify(validate.errors));
	t.true(nodeFs.existsSync(path.resolve(lessonsDirectory, String(manifest['$schema']))));
});

test('the oldest git a pack names holds for each lesson that names none of its own', t => {
	const own = {...lesson('beta', 2), requires: {git: '2.40'}};
	const pack = loadPack(folder, packFs({'pack.json': {name: 'Team', requires: {git: '2.33.1'}}, '01-a.json': lesson('alpha', 1), '02-b.json': own}));
	t.deepEqual(pack.problems, []);
	t.deepEqual(pack.lessons.map(({requires}) => requires?.git), ['2.33.1', '2.40']);
	t.deepEqual(loadPack(folder, packFs(three)).lessons.map(({requires}) => requires), [undefined, undefined, undefined]);
});
