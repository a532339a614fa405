// The learner's own git is never used or touched: their config, identity, hooks, credential
// helper, URL rewrites and GIT_* variables stay out of the sandbox, and nothing of theirs changes.
import {createHash} from 'node:crypto';
import {constants, existsSync} from 'node:fs';
import {access, chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {execa} from 'execa';
import {buildGitEnv} from '../source/sandbox/git-env.ts';
import {defaultTimeoutMs, gitOutput} from '../source/git/git-runner.ts';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {shippedLessons} from './helpers/lessons.ts';

const lessons = shippedLessons();
const pushLesson = lessons.find(lesson => lesson.id === 'push')!;

/** Finds the real git on PATH, so a logging wrapper can hand every call on to it. */
async function realGit(): Promise<string> {
	for (const folder of (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean)) {
		const candidate = path.join(folder, 'git');
		try {
			await access(candidate, constants.X_OK);
			return candidate;
		} catch {
			// Not in this folder.
		}
	}

	throw new Error('no git on PATH');
}

/** A git config value in double quotes, so `;` and `#` are not read as comments. */
const quote = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

type LearnerWorld = {
	scratch: string;
	home: string;
	xdg: string;
	/** Hooks, the credential helper and GIT_SSH_COMMAND write here if they ever run. */
	evidence: string;
	/** The learner's own project, with a commit. */
	project: string;
	/** The folder the learner's own URL rewrite sends https://github.com/ to. */
	otherGithub: string;
	otherBare: string;
	/** Stands in for the system temp folder during the test. */
	tmp: string;
	/** Each git the learner's PATH starts, one line per call (only with logGit). */
	gitLog: string;
	env: NodeJS.ProcessEnv;
};

/** A git environment for building the fake world, independent of this machine's own config. */
function builderEnv(scratch: string): Record<string, string> {
	return {
		PATH: process.env['PATH'] ?? '',
		HOME: path.join(scratch, 'builder-home'),
		GIT_CONFIG_NOSYSTEM: '1',
		GIT_CONFIG_GLOBAL: path.join(scratch, 'builder-home', '.gitconfig'),
		GIT_AUTHOR_NAME: 'Project Owner',
		GIT_AUTHOR_EMAIL: 'owner@example.com',
		GIT_COMMITTER_NAME: 'Project Owner',
		GIT_COMMITTER_EMAIL: 'owner@example.com',
	};
}

async function makeLearnerWorld(options: {logGit?: boolean} = {}): Promise<LearnerWorld> {
	const scratch = await realpath(await mkdtemp(path.join(tmpdir(), 'gpt-isolation-')));
	const home = path.join(scratch, 'home');
	const xdg = path.join(scratch, 'xdg');
	const evidence = path.join(scratch, 'evidence');
	const hooks = path.join(scratch, 'learner-hooks');
	const project = path.join(scratch, 'my-project');
	const otherGithub = path.join(scratch, 'other-github');
	const otherBare = path.join(otherGithub, 'learner', 'shipment.git');
	const tmp = path.join(scratch, 'tmp');
	const bin = path.join(scratch, 'bin');
	const gitLog = path.join(scratch, 'git-calls.log');
	await Promise.all([home, path.join(xdg, 'git'), evidence, hooks, project, otherBare, tmp, bin, path.join(scratch, 'builder-home')]
		.map(async folder => mkdir(folder, {recursive: true})));

	const build = builderEnv(scratch);
	await gitOutput(['init', '--quiet', '--bare'], {cwd: otherBare, env: build});
	await gitOutput(['init', '--quiet'], {cwd: project, env: build});
	await writeFile(path.join(project, 'README.md'), 'My own project\n');
	await gitOutput(['add', 'README.md'], {cwd: project, env: build});
	await gitOutput(['commit', '--quiet', '-m', 'My own work'], {cwd: project, env: build});
	// A change in progress too: the learner's index and desk must stay exactly as they are.
	await writeFile(path.join(project, 'README.md'), 'My own project\nwork in progress\n');
	await writeFile(path.join(project, 'draft.txt'), 'not added yet\n');

	for (const hook of ['pre-commit', 'post-commit', 'pre-push']) {
		const file = path.join(hooks, hook);
		await writeFile(file, `#!/bin/sh\ntouch '${path.join(evidence, hook)}'\nexit 0\n`);
		await chmod(file, 0o755);
	}

	const sshSpy = path.join(bin, 'ssh-spy');
	await writeFile(sshSpy, `#!/bin/sh\ntouch '${path.join(evidence, 'ssh')}'\nexit 1\n`);
	await chmod(sshSpy, 0o755);

	await writeFile(path.join(home, '.gitconfig'), `[user]
	name = Someone Else
	email = else@example.com
[core]
	hooksPath = ${quote(hooks)}
[credential]
	helper = ${quote(`!f() { touch '${path.join(evidence, 'credential-helper')}'; }; f`)}
[url ${quote(`file://${otherGithub}/`)}]
	insteadOf = https://github.com/
`);
	await writeFile(path.join(xdg, 'git', 'config'), `[user]
	name = Xdg Person
	email = xdg@example.com
[core]
	hooksPath = ${quote(hooks)}
`);

	let pathVariable = process.env['PATH'] ?? '';
	if (options.logGit) {
		// A git first on the learner's PATH that logs each call, then runs the real one.
		const wrapper = path.join(bin, 'git');
		await writeFile(wrapper, `#!/bin/sh\necho "$*" >> '${gitLog}'\nexec '${await realGit()}' "$@"\n`);
		await chmod(wrapper, 0o755);
		pathVariable = `${bin}${path.delimiter}${pathVariable}`;
	}

	const env: NodeJS.ProcessEnv = {
		...process.env,
		PATH: pathVariable,
		HOME: home,
		XDG_CONFIG_HOME: xdg,
		TMPDIR: tmp,
		EMAIL: 'email-variable@example.com',
		GIT_DIR: path.join(project, '.git'),
		GIT_WORK_TREE: project,
		GIT_INDEX_FILE: path.join(project, '.git', 'index'),
		GIT_AUTHOR_NAME: 'Env Author',
		GIT_COMMITTER_EMAIL: 'env-committer@example.com',
		GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
		GIT_SSH_COMMAND: sshSpy,
	};
	return {scratch, home, xdg, evidence, project, otherGithub, otherBare, tmp, gitLog, env};
}

/** Every file, folder and link under a folder, with a hash of its bytes and its mode. */
async function hashTree(root: string): Promise<Record<string, string>> {
	const result: Record<string, string> = {};
	const walk = async (folder: string): Promise<void> => {
		for (const name of (await readdir(folder)).sort()) {
			const full = path.join(folder, name);
			const relative = path.relative(root, full);
			const stats = await lstat(full);
			const mode = (stats.mode & 0o7777).toString(8);
			if (stats.isSymbolicLink()) {
				result[relative] = `link ${await readlink(full)}`;
			} else if (stats.isDirectory()) {
				result[relative] = `folder ${mode}`;
				await walk(full);
			} else {
				result[relative] = `file ${mode} ${createHash('sha256').update(await readFile(full)).digest('hex')}`;
			}
		}
	};

	await walk(root);
	return result;
}

/** Reads a repository with a bare-bones environment of the test's own, not the sandbox's. */
async function inspect(args: string[], scratch: string): Promise<string> {
	return gitOutput(args, {cwd: scratch, env: builderEnv(scratch)});
}

test.serial('the fake learner setup is live: plain git run with it uses their identity, hooks, helper and rewrite', async t => {
	// Without this, the absence of marker files below would prove nothing.
	const world = await makeLearnerWorld();
	try {
		// Read-only calls: GIT_DIR leads into the learner's project from any folder.
		const elsewhere = path.join(world.scratch, 'tmp');
		const raw = async (args: string[], env = world.env) => execa('git', args, {cwd: elsewhere, env, extendEnv: false, reject: false, stdin: 'ignore', timeout: 10_000});
		t.is((await raw(['rev-parse', '--show-toplevel'])).stdout, world.project);
		t.is((await raw(['var', 'GIT_AUTHOR_IDENT'])).stdout.replace(/>.*/, '>'), 'Env Author <else@example.com>');
		t.is((await raw(['var', 'GIT_COMMITTER_IDENT'])).stdout.replace(/>.*/, '>'), 'Someone Else <env-committer@example.com>');

		// In a throwaway repository, the hooks, URL rewrite and credential helper all fire.
		const control = path.join(world.scratch, 'control');
		const {GIT_DIR: _dir, GIT_WORK_TREE: _tree, GIT_INDEX_FILE: _index, ...learnerEnv} = world.env;
		// No password prompt on the terminal when the helper gives no password.
		const controlEnv = {...learnerEnv, GIT_TERMINAL_PROMPT: '0'};
		await mkdir(control);
		const inControl = async (args: string[], input?: string) => execa('git', args, {cwd: control, env: controlEnv, extendEnv: false, reject: false, timeout: 10_000, ...(input === undefined ? {stdin: 'ignore' as const} : {input})});
		t.is((await inControl(['init', '--quiet'])).exitCode, 0);
		await writeFile(path.join(control, 'a.txt'), 'a\n');
		await inControl(['add', 'a.txt']);
		t.is((await inControl(['commit', '--quiet', '-m', 'control'])).exitCode, 0);
		t.is((await inControl(['push', '--quiet', 'https://github.com/learner/shipment.git', 'HEAD:refs/heads/main'])).exitCode, 0);
		await inControl(['credential', 'fill'], 'protocol=https\nhost=github.com\nusername=u\n\n');
		t.deepEqual((await readdir(world.evidence)).sort(), ['credential-helper', 'post-commit', 'pre-commit', 'pre-push']);
		t.not(await inspect(['--git-dir', world.otherBare, 'for-each-ref'], world.scratch), '');
	} finally {
		await rm(world.scratch, {recursive: true, force: true});
	}
});

test.serial('playing lessons 1–4 with the learner\'s environment uses none of it and changes nothing of theirs', async t => {
	const world = await makeLearnerWorld();
	const savedTmpdir = process.env['TMPDIR'];
	// A private temp folder, so other test files running at the same time cannot add to it.
	process.env['TMPDIR'] = world.tmp;
	let session: LessonSession | undefined;
	try {
		t.is(tmpdir(), world.tmp);
		const before = {
			project: await hashTree(world.project),
			home: await hashTree(world.home),
			xdg: await hashTree(world.xdg),
			otherGithub: await hashTree(world.otherGithub),
			tmp: await readdir(world.tmp),
		};

		session = await LessonSession.start(pushLesson, {lessons, branch: 'main', color: false, inheritedEnv: world.env});
		const {sandbox} = session;
		t.is(path.dirname(sandbox.root), await realpath(world.tmp));
		for (const step of session.lesson.steps) {
			for (const line of step.solution) {
				const report = await session.run(line);
				t.not(report.result.kind, 'refused', line);
			}
		}

		t.true(session.complete, `stuck at step ${session.step + 1}`);

		const shownName = await session.run('git config user.name');
		t.is(shownName.output, 'Learner\n');

		// Every commit, in the learner's sandbox and in its online repository, is the Learner's.
		const identities = (await inspect(['-C', sandbox.repo, 'log', '--format=%an <%ae>|%cn <%ce>'], world.scratch)).trim().split('\n');
		t.true(identities.length >= 4, identities.join('\n'));
		t.deepEqual([...new Set(identities)], ['Learner <learner@example.com>|Learner <learner@example.com>']);
		const onlineIdentities = (await inspect(['--git-dir', sandbox.online, 'log', '--format=%an <%ae>|%cn <%ce>', sandbox.branch], world.scratch)).trim().split('\n');
		t.deepEqual(onlineIdentities, identities);

		// The pushes landed in the sandbox's own online repository.
		const head = (await inspect(['-C', sandbox.repo, 'rev-parse', 'HEAD'], world.scratch)).trim();
		t.is((await inspect(['--git-dir', sandbox.online, 'rev-parse', 'refs/heads/main'], world.scratch)).trim(), head);

		// No hook, credential helper or ssh command of the learner ever ran.
		t.deepEqual(await readdir(world.evidence), []);

		// The learner's other "GitHub" got nothing, and nothing of theirs changed by a byte.
		t.is(await inspect(['--git-dir', world.otherBare, 'for-each-ref'], world.scratch), '');
		t.deepEqual(await hashTree(world.otherGithub), before.otherGithub);
		t.deepEqual(await hashTree(world.project), before.project);
		t.deepEqual(await hashTree(world.home), before.home);
		t.deepEqual(await hashTree(world.xdg), before.xdg);

		// The temp folder holds only the sandbox, and not even that after dispose.
		t.deepEqual((await readdir(world.tmp)).sort(), [...before.tmp, path.basename(sandbox.root)].sort());
		await session.dispose();
		session = undefined;
		t.false(existsSync(sandbox.root));
		t.deepEqual(await readdir(world.tmp), before.tmp);
	} finally {
		await session?.dispose();
		if (savedTmpdir === undefined) {
			delete process.env['TMPDIR'];
		} else {
			process.env['TMPDIR'] = savedTmpdir;
		}

		await rm(world.scratch, {recursive: true, force: true});
	}
});

test('buildGitEnv drops inherited GIT_* and EMAIL, keeps PATH and sets the sandbox\'s own', t => {
	const paths = {root: '/sandbox', home: '/sandbox/home', gitconfig: '/sandbox/home/.gitconfig'};
	const env = buildGitEnv(paths, {
		PATH: '/usr/local/bin:/usr/bin',
		LANG: 'de_DE.UTF-8',
		HOME: '/home/someone',
		XDG_CONFIG_HOME: '/home/someone/.config',
		EMAIL: 'else@example.com',
		GIT_DIR: '/home/someone/project/.git',
		GIT_WORK_TREE: '/home/someone/project',
		GIT_INDEX_FILE: '/home/someone/project/.git/index',
		GIT_AUTHOR_NAME: 'Someone Else',
		GIT_AUTHOR_EMAIL: 'else@example.com',
		GIT_COMMITTER_EMAIL: 'else@example.com',
		GIT_CONFIG_GLOBAL: '/home/someone/.gitconfig',
		GIT_CONFIG_PARAMETERS: '\'core.hooksPath\'=\'/home/someone/hooks\'',
		GIT_CONFIG_COUNT: '1',
		GIT_SSH_COMMAND: 'ssh -i /home/someone/.ssh/key',
		GIT_TEMPLATE_DIR: '/home/someone/templates',
		UNSET: undefined,
	});

	t.is(env['PATH'], '/usr/local/bin:/usr/bin');
	t.is(env['LANG'], 'de_DE.UTF-8');
	t.false('UNSET' in env);
	t.false('EMAIL' in env);
	t.is(env['HOME'], '/sandbox/home');
	t.is(env['XDG_CONFIG_HOME'], '/sandbox/home/.config');
	t.is(env['GIT_CONFIG_GLOBAL'], '/sandbox/home/.gitconfig');
	t.is(env['GIT_CONFIG_NOSYSTEM'], '1');
	t.is(env['GIT_CEILING_DIRECTORIES'], '/sandbox');
	t.is(env['GIT_TERMINAL_PROMPT'], '0');
	t.is(env['GIT_EDITOR'], ':');
	t.is(env['GIT_PAGER'], 'cat');
	// The only GIT_* variables left are the sandbox's own.
	t.deepEqual(Object.keys(env).filter(name => name.startsWith('GIT_')).sort(), [
		'GIT_ASKPASS',
		'GIT_CEILING_DIRECTORIES',
		'GIT_CONFIG_GLOBAL',
		'GIT_CONFIG_NOSYSTEM',
		'GIT_EDITOR',
		'GIT_MERGE_AUTOEDIT',
		'GIT_PAGER',
		'GIT_SEQUENCE_EDITOR',
		'GIT_TERMINAL_PROMPT',
	]);
});

test('git options that point elsewhere are refused and start no git at all', async t => {
	const world = await makeLearnerWorld({logGit: true});
	let session: LessonSession | undefined;
	try {
		session = await LessonSession.start(pushLesson, {lessons, branch: 'main', color: false, inheritedEnv: world.env});
		// The logging git really is the one the sandbox starts.
		t.true((await readFile(world.gitLog, 'utf8')).length > 0);
		const projectBefore = await hashTree(world.project);
		const sandboxBefore = await hashTree(session.sandbox.repo);
		const gitDir = path.join(world.project, '.git');
		const lines = [
			'git -C /some/where status',
			'git --git-dir=/x log',
			'git --work-tree=/y status',
			`git -C ${world.project} tag escaped`,
			`git --git-dir=${gitDir} tag escaped`,
			`git --git-dir ${gitDir} tag escaped`,
			`git --work-tree=${world.project} add -A`,
			`git --work-tree ${world.project} add -A`,
		];
		for (const line of lines) {
			const callsBefore = await readFile(world.gitLog, 'utf8');
			const report = await session.run(line);
			if (report.result.kind !== 'refused') {
				t.fail(`${line} was not refused`);
				continue;
			}

			t.regex(report.result.message, /points git somewhere else/, line);
			t.is(report.outcome, undefined, line);
			t.is(await readFile(world.gitLog, 'utf8'), callsBefore, `${line} started git`);
		}

		t.deepEqual(await hashTree(world.project), projectBefore);
		t.deepEqual(await hashTree(session.sandbox.repo), sandboxBefore);
	} finally {
		await session?.dispose();
		await rm(world.scratch, {recursive: true, force: true});
	}
});

test('pushing or fetching anywhere but the tutor\'s GitHub fails at once, with no network and no command run', async t => {
	const world = await makeLearnerWorld();
	let session: LessonSession | undefined;
	try {
		session = await LessonSession.start(pushLesson, {lessons, branch: 'main', color: false, inheritedEnv: world.env});
		const marker = path.join(world.evidence, 'ext');
		const lines = [
			'git push https://example.com/x.git main',
			'git push http://example.com/x.git main',
			'git push git@example.com:x.git main',
			'git push ssh://git@example.com/x.git main',
			'git fetch git://example.com/x.git',
			'git ls-remote https://gitlab.com/learner/shipment.git',
			`git push "ext::sh -c touch% ${marker}" main`,
		];
		for (const line of lines) {
			const started = Date.now();
			const report = await session.run(line);
			const elapsed = Date.now() - started;
			// The tutor refuses most of these itself: git never starts.
			if (report.result.kind === 'refused') {
				t.regex(report.result.message, /online repository|not one of them/, line);
				continue;
			}

			if (report.result.kind !== 'git') {
				t.fail(`${line} did not run git`);
				continue;
			}

			t.not(report.result.result.exitCode, 0, line);
			t.false(report.result.result.timedOut, line);
			t.true(elapsed < defaultTimeoutMs / 4, `${line} took ${elapsed} ms`);
			// Not misread as a typo in a remote's name: these are addresses.
			t.is(report.explanation, undefined, line);
		}

		t.deepEqual(await readdir(world.evidence), []);
		t.is(session.state.online.branches['main'], undefined, 'nothing was pushed');
	} finally {
		await session?.dispose();
		await rm(world.scratch, {recursive: true, force: true});
	}
});

test('output shown to the learner never contains the sandbox\'s temp path', async t => {
	const session = await LessonSession.start(pushLesson, {lessons, branch: 'main', color: false});
	const {root} = session.sandbox;
	const hidden = (text: string) => !text.includes(root) && !text.includes('file://');
	try {
		const push = await session.run('git push -u origin main');
		t.true(session.step > 0, 'the push passed its step');
		// Git itself prints the real address; the learner sees the GitHub one.
		t.true(push.result.kind === 'git' && push.result.result.output.includes(root));
		t.regex(push.output, /^To https:\/\/github\.com\/learner\/shipment\.git$/m);
		t.true(hidden(push.output), push.output);

		const expected: Array<[line: string, shown: RegExp]> = [
			['pwd', /^~\/shipment\n$/],
			['git init', /Reinitialized existing Git repository in ~\/shipment\/\.git\/\n$/],
			['git rev-parse --show-toplevel', /^~\/shipment\n$/],
			['git remote -v', /^origin\thttps:\/\/github\.com\/learner\/shipment\.git \(fetch\)\norigin\thttps:\/\/github\.com\/learner\/shipment\.git \(push\)\n$/],
			['git remote get-url origin', /^https:\/\/github\.com\/learner\/shipment\.git\n$/],
			['git fetch -v origin', /^From https:\/\/github\.com\/learner\/shipment\n/],
			['git add ../x', /^$/],
			['git push origin master', /failed to push some refs to 'https:\/\/github\.com\/learner\/shipment\.git'/],
			['git config --show-origin user.name', /^file:~\/home\/\.gitconfig\tLearner\n$/],
		];
		for (const [line, shown] of expected) {
			const report = await session.run(line);
			t.regex(report.output, shown, line);
			t.true(hidden(report.output), `${line}: ${report.output}`);
			// A refusal says where, in the learner's words.
			t.true(report.result.kind !== 'refused' || (hidden(report.result.message) && report.result.message.includes('~/shipment')), line);
		}
	} finally {
		await session.dispose();
	}
});
